<#ftl output_format="plainText">
${msg("ssprNoticeAdminResetText", ssprUsername, ssprTime, ssprIp, ssprBrowser)}
