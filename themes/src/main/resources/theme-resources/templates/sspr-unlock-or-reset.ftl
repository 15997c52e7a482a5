<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=false; section>
    <#if section = "header">
        <span id="sspr-page-title">${msg("ssprUnlockTitle")}</span>
    <#elseif section = "form">
        <p id="sspr-instruction">${msg("ssprUnlockInstruction")}</p>
        <form id="sspr-unlock-or-reset-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}" role="radiogroup" aria-labelledby="sspr-page-title">
                <div class="pf-v5-c-radio">
                    <input class="pf-v5-c-radio__input" type="radio" name="choice" id="sspr-choice-unlock" value="unlock" checked>
                    <label class="pf-v5-c-radio__label" for="sspr-choice-unlock">${msg("ssprUnlockUnlockOnly")}</label>
                </div>
                <div class="pf-v5-c-radio">
                    <input class="pf-v5-c-radio__input" type="radio" name="choice" id="sspr-choice-reset" value="reset">
                    <label class="pf-v5-c-radio__label" for="sspr-choice-reset">${msg("ssprUnlockResetToo")}</label>
                </div>
            </div>
            <@buttons.actionGroup>
                <@buttons.button id="kc-form-buttons" label="doSubmit"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
