<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("ssprNoticeHelpDeskBody", ssprUsername, ssprTime)}</p>
</@layout.emailLayout>
