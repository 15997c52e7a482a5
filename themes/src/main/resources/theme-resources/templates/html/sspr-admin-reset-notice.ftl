<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("ssprNoticeAdminResetHtml", ssprUsername, ssprTime, ssprIp, ssprBrowser))?no_esc}
</@layout.emailLayout>
