<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("ssprNoticePassBody", ssprUsername, ssprTime)}</p>
</@layout.emailLayout>
