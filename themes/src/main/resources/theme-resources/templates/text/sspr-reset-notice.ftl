<#ftl output_format="plainText">
${msg((ssprKind == "unlock")?then("ssprNoticeUnlockText", "ssprNoticeResetText"), ssprUsername, ssprTime, ssprIp, ssprBrowser)}
