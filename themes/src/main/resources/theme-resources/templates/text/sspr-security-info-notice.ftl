<#ftl output_format="plainText">
${msg("ssprNoticeInfo" + ssprChange?cap_first + "Text", ssprUsername, msg(ssprMethodKey), ssprTime, ssprIp)}
