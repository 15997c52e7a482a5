<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("ssprReminderBody", ssprUsername, ssprTime)}</p>
<#if ssprAccountUrl??>
<p>${msg("ssprReminderChange")} <a href="${ssprAccountUrl}">${ssprAccountUrl}</a></p>
<p>${msg("ssprReminderForgot")} <a href="${ssprResetUrl}">${ssprResetUrl}</a></p>
<#else>
<p>${msg("ssprReminderNoLinks")}</p>
</#if>
</@layout.emailLayout>
