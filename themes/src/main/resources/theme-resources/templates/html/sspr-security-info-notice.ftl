<#import "template.ftl" as layout>
<#-- Every value is escaped before it enters the message's markup: a name, an address or a browser line is text. -->
<@layout.emailLayout>
${kcSanitize(msg("ssprNoticeInfo" + ssprChange?cap_first + "Html", ssprUsername?esc?markup_string, msg(ssprMethodKey), ssprTime?esc?markup_string, ssprIp?esc?markup_string))?no_esc}
</@layout.emailLayout>
