// Loads the ALTCHA widget and gives it texts from Keycloak's message bundles. Widget v3 takes texts only through
// its global registry ($altcha.i18n), not through attributes, so sspr-captcha.ftl renders them as
// data-sspr-i18n-* attributes. A module graph runs without a pause between its modules, so this registers them
// after the widget's script has defined <altcha-widget> but before the widget first renders.
import '../altcha/altcha.min.js';

const TEXT_PREFIX = 'ssprI18n';

for (const widget of document.querySelectorAll('altcha-widget[language]')) {
    // Texts not rendered by the template (code challenges, the footer's HTML) stay English.
    const texts = { ...globalThis.$altcha.i18n.get('en') };
    for (const [key, value] of Object.entries(widget.dataset)) {
        if (key.startsWith(TEXT_PREFIX) && value) {
            const name = key.charAt(TEXT_PREFIX.length).toLowerCase() + key.slice(TEXT_PREFIX.length + 1);
            texts[name] = value;
        }
    }
    globalThis.$altcha.i18n.set(widget.getAttribute('language'), texts);

    // Shown by the browser when the form is submitted before the check has been done.
    if (widget.dataset.ssprValidationMessage) {
        widget.setAttribute('configuration', JSON.stringify({ validationMessage: widget.dataset.ssprValidationMessage }));
    }
}
