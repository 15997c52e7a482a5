<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("ssprEmailCodeHtml", code, ttlMinutes))?no_esc}
</@layout.emailLayout>
