<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        <span id="sspr-page-title">${msg("ssprSelectMethodTitle")}</span>
    <#elseif section = "form">
        <#if ssprAccountName??>
            <#-- The name as typed, for a real account and a stand-in alike; Keycloak's own block needs a flow user. -->
            <div id="sspr-account" class="${properties.kcFormGroupClass!}">
                <span id="kc-attempted-username">${ssprAccountName}</span>
                <a id="reset-login" href="${url.loginRestartFlowUrl}">${msg("restartLoginTooltip")}</a>
            </div>
        </#if>
        <p id="sspr-step" class="${properties.kcLoginMainFooterHelperText!}">${msg("ssprStep", ssprStep, ssprRequired)}</p>
        <form id="sspr-select-method-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}" role="radiogroup" aria-labelledby="sspr-page-title">
                <#assign ssprFirstAvailable = "">
                <#list ssprMethods as choice><#if !choice.unavailableKey?has_content && !ssprFirstAvailable?has_content><#assign ssprFirstAvailable = choice.id></#if></#list>
                <#list ssprMethods as choice>
                    <div class="pf-v5-c-radio">
                        <input class="pf-v5-c-radio__input" type="radio" name="method" id="sspr-method-${choice.id}"
                               value="${choice.id}" <#if choice.id == ssprFirstAvailable>checked</#if>
                               <#if choice.unavailableKey?has_content>disabled aria-describedby="sspr-method-${choice.id}-unavailable"</#if>>
                        <label class="pf-v5-c-radio__label" for="sspr-method-${choice.id}">${msg(choice.labelKey)}
                            <#if choice.hint?has_content><span class="sspr-hint">${choice.hint}</span></#if>
                        </label>
                        <#if choice.unavailableKey?has_content>
                            <span class="pf-v5-c-radio__description" id="sspr-method-${choice.id}-unavailable">${msg("ssprMethodUnavailable", msg(choice.unavailableKey))}</span>
                        </#if>
                    </div>
                </#list>
            </div>
            <@buttons.actionGroup>
                <@buttons.button id="kc-form-buttons" label="ssprSelectMethodContinue"/>
                <#if ssprSignedIn??>
                    <#-- Already signed in (the proof before a change of security info): back to that page. -->
                    <@buttons.buttonLink href=url.loginAction label="ssprBackToSecurityInfo"/>
                <#else>
                    <@buttons.buttonLink href=url.loginUrl label="backToLogin"/>
                </#if>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <span class="${properties.kcLoginMainFooterHelperText!}">${msg("ssprSelectMethodInfo")}</span>
    </#if>
</@layout.registrationLayout>
