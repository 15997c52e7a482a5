<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("ssprNoticeBlockedBody", ssprUsername, ssprTime, ssprIp)}</p>
</@layout.emailLayout>
