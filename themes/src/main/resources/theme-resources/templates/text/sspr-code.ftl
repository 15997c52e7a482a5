<#ftl output_format="plainText">
${msg("ssprEmailCodeText", code, ttlMinutes)}
