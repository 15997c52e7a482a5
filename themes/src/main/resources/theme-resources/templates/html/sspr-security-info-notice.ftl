<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg((ssprChange == "removed")?then("ssprNoticeInfoRemovedHtml", "ssprNoticeInfoAddedHtml"), ssprUsername, msg(ssprMethodKey), ssprTime, ssprIp))?no_esc}
</@layout.emailLayout>
