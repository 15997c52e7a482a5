<#ftl output_format="plainText">
${msg("ssprReminderBody", ssprUsername, ssprTime)}

<#if ssprAccountUrl??>
${msg("ssprReminderChange")} ${ssprAccountUrl}
${msg("ssprReminderForgot")} ${ssprResetUrl}
<#else>
${msg("ssprReminderNoLinks")}
</#if>
