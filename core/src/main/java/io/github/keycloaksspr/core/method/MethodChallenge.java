package io.github.keycloaksspr.core.method;

import java.util.List;

/**
 * The answer page a method asks for, or why it could not start. Message keys only: the theme renders the words.
 *
 * @param kind            which fields the page has
 * @param instructionKey  message key of the instruction, e.g. "we texted a code to {0}"
 * @param instructionArgs arguments of the instruction (masked hints only)
 * @param questions       message keys or texts of the questions to answer (QUESTIONS only)
 * @param passkey         the WebAuthn request options the page hands the browser (PASSKEY only, else null)
 * @param errorKey        set when the challenge could not start (budget exhausted, gateway down)
 * @param reason          machine-readable reason for events when {@code errorKey} is set
 * @param errorArgs       arguments of the error message (e.g. the minutes until codes can be sent again)
 */
public record MethodChallenge(Kind kind, String instructionKey, List<String> instructionArgs, List<String> questions,
                              PasskeyRequest passkey, String errorKey, String reason, List<String> errorArgs) {

    public enum Kind { CODE, QUESTIONS, PASSKEY }

    public MethodChallenge {
        instructionArgs = List.copyOf(instructionArgs);
        questions = List.copyOf(questions);
        errorArgs = List.copyOf(errorArgs);
    }

    public static MethodChallenge code(String instructionKey, String... args) {
        return new MethodChallenge(Kind.CODE, instructionKey, List.of(args), List.of(), null, null, null, List.of());
    }

    public static MethodChallenge questions(String instructionKey, List<String> questions) {
        return new MethodChallenge(Kind.QUESTIONS, instructionKey, List.of(), questions, null, null, null, List.of());
    }

    public static MethodChallenge refused(String errorKey, String reason, String... errorArgs) {
        return new MethodChallenge(Kind.CODE, null, List.of(), List.of(), null, errorKey, reason, List.of(errorArgs));
    }

    public static MethodChallenge passkey(String instructionKey, PasskeyRequest request) {
        return new MethodChallenge(Kind.PASSKEY, instructionKey, List.of(), List.of(), request, null, null, List.of());
    }

    public boolean started() {
        return errorKey == null;
    }
}
