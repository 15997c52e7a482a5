<#ftl output_format="plainText">
${msg("ssprNoticeHelpDeskBody", ssprUsername, ssprTime)}
