<#ftl output_format="plainText">
${msg((ssprChange == "removed")?then("ssprNoticeInfoRemovedText", "ssprNoticeInfoAddedText"), ssprUsername, msg(ssprMethodKey), ssprTime, ssprIp)}
