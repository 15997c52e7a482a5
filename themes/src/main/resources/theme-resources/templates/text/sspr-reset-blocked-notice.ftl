<#ftl output_format="plainText">
${msg("ssprNoticeBlockedBody", ssprUsername, ssprTime, ssprIp)}
