<#ftl output_format="plainText">
${msg("ssprNoticePassBody", ssprUsername, ssprTime)}
