<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg((ssprKind == "unlock")?then("ssprNoticeUnlockHtml", "ssprNoticeResetHtml"), ssprUsername, ssprTime, ssprIp, ssprBrowser))?no_esc}
</@layout.emailLayout>
