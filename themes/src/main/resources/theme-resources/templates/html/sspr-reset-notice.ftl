<#import "template.ftl" as layout>
<#-- Every value is escaped before it enters the message's markup: a name, an address or a browser line is text. -->
<@layout.emailLayout>
${kcSanitize(msg((ssprKind == "unlock")?then("ssprNoticeUnlockHtml", "ssprNoticeResetHtml"), ssprUsername?esc?markup_string, ssprTime?esc?markup_string, ssprIp?esc?markup_string, ssprBrowser?esc?markup_string))?no_esc}
</@layout.emailLayout>
