// WebOTP: where the browser supports it, a text message whose last line is "@<this page's host> #<code>" fills in the
// code field once the user allows it in the browser's prompt, and the form is sent as if Enter had been pressed.
// A page of another host (a phishing copy) never gets the code. Nothing happens in other browsers.
const input = document.querySelector('input[name="code"]');
if ('OTPCredential' in window && input && input.form) {
    const form = input.form;
    const abort = new AbortController();
    form.addEventListener('submit', () => abort.abort());
    navigator.credentials.get({otp: {transport: ['sms']}, signal: abort.signal})
        .then(otp => {
            if (otp && otp.code && !input.value) {
                input.value = otp.code;
                form.requestSubmit(form.querySelector('[type="submit"]') || undefined);
            }
        })
        .catch(() => {
            // Aborted, refused by the user, or no text message: the field stays for typing.
        });
}
