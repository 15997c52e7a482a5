<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('code'); section>
    <#if section = "header">
        <span id="sspr-page-title">${msg(ssprMethodLabel)}</span>
    <#elseif section = "form">
        <p id="sspr-step" class="${properties.kcLoginMainFooterHelperText!}">${msg("ssprStep", ssprStep, ssprRequired)}</p>
        <p id="sspr-instruction">${msg(ssprInstruction, (ssprInstructionArgs[0])!"")}</p>
        <form id="sspr-verify-method-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if ssprKind == "QUESTIONS">
                <#list ssprQuestions as question>
                    <@field.input name="answer-${question?counter}" label=question?starts_with("custom:")?then(question?remove_beginning("custom:"), msg(question)) fieldName="code"
                        error=(question?is_first)?then(messagesPerField.get('code'), '') autofocus=question?is_first/>
                </#list>
            <#else>
                <@field.input name="code" label=msg("ssprVerifyCode") autocomplete="one-time-code" autofocus=true/>
            </#if>
            <@buttons.actionGroup>
                <@buttons.button id="kc-form-buttons" label="ssprVerifySubmit"/>
                <@buttons.button name="back" id="sspr-back" type="secondary" label="ssprVerifyOtherMethod"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
