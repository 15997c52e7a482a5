<#--
  Proof-of-work CAPTCHA (ALTCHA widget 3.2.2, served from this JAR) for sspr login pages.

  Use it inside the <form>; the widget adds a hidden input to that form:
      <#import "sspr-captcha.ftl" as ssprCaptcha>
      <@ssprCaptcha.captcha challengeJson=ssprCaptchaChallenge/>

  challengeJson  AltchaCaptcha.createChallengeJson(), passed as a form attribute. It is embedded rather than fetched,
                 so no extra endpoint is needed. It expires after AltchaCaptcha.CHALLENGE_LIFETIME (5 minutes): the
                 widget then shows "expired", the server answers EXPIRED, and the re-rendered page brings a fresh one.
  fieldName      the form field the solution is posted in; the server reads AltchaCaptcha.FORM_FIELD.
  auto           when the work starts: "onload" (default: done while the user types, well under a second at the
                 default difficulty), "onfocus", "onsubmit", or "off" (when the checkbox is clicked). Not "onfocus"
                 on a page with an autofocus field: that focus happens before the widget exists, so it never starts.

  The widget needs a secure context (HTTPS, or http://localhost) and, under a Content-Security-Policy,
  worker-src blob: (its workers are inlined).
-->
<#macro captcha challengeJson fieldName="sspr-captcha" auto="onload">
    <#-- Keycloak leaves "locale" out when the realm has internationalization off; messages are English then. -->
    <#local language = ((locale.currentLanguageTag)!"en")?lower_case>
    <altcha-widget challenge="${challengeJson}" name="${fieldName}" auto="${auto}" language="${language}"
        data-sspr-i18n-label="${msg("ssprCaptchaLabel")}"
        data-sspr-i18n-verifying="${msg("ssprCaptchaVerifying")}"
        data-sspr-i18n-verified="${msg("ssprCaptchaVerified")}"
        data-sspr-i18n-verification-required="${msg("ssprCaptchaVerificationRequired")}"
        data-sspr-i18n-wait-alert="${msg("ssprCaptchaWaitAlert")}"
        data-sspr-i18n-error="${msg("ssprCaptchaError")}"
        data-sspr-i18n-expired="${msg("ssprCaptchaExpired")}"
        data-sspr-i18n-aria-link-label="${msg("ssprCaptchaAriaLinkLabel")}"
        data-sspr-validation-message="${msg("ssprCaptchaValidationMessage")}"></altcha-widget>
    <link rel="modulepreload" href="${url.resourcesPath}/sspr/altcha/altcha.min.js">
    <#-- Imports altcha.min.js, then hands the widget the texts above before it first renders (v3 has no text attributes). -->
    <script type="module" src="${url.resourcesPath}/sspr/captcha/sspr-captcha.js"></script>
</#macro>
