package io.github.keycloaksspr.passwordpolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * What one banned-password check costs with the whole global list and 1000 custom terms (target: median under 2 ms),
 * and what the list costs in memory (target: under 30 MB). Runs with {@code mvn test -pl password-policy -Pbenchmark};
 * it measures and prints, it does not judge.
 */
class BannedPasswordCheckBenchmark {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 50_000;

    @Test
    void costPerPasswordAndMemoryOfTheLists() {
        long before = usedMemory();
        long loadStarted = System.nanoTime();
        TermIndex common = CommonPasswords.load();
        long loadMillis = (System.nanoTime() - loadStarted) / 1_000_000;
        long listBytes = usedMemory() - before;

        String customTerms = IntStream.range(0, CustomTerms.MAX_TERMS)
                .mapToObj(i -> "corp-" + (char) ('a' + i / 26 / 26 % 26) + "-" + (char) ('a' + i / 26 % 26) + "-"
                        + (char) ('a' + i % 26) + "-brand")
                .collect(Collectors.joining(","));
        BannedPasswordCheck check = new BannedPasswordCheck(common, CustomTerms.parse(customTerms), false, 5);
        PersonalTerms terms = PersonalTerms.builder().person("anna.example").person("Anna").person("Example")
                .email("anna.example@example.org").organisation("Contoso Corporation").build();

        List<String> passwords = passwords(new Random(42), WARM_UP + MEASURED);
        int refused = 0;
        for (int i = 0; i < WARM_UP; i++) {
            refused += check.refusal(passwords.get(i), terms).isPresent() ? 1 : 0;
        }
        long[] nanos = new long[MEASURED];
        refused = 0;
        for (int i = 0; i < MEASURED; i++) {
            long started = System.nanoTime();
            refused += check.refusal(passwords.get(WARM_UP + i), terms).isPresent() ? 1 : 0;
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        System.out.printf("banned-password check: %d common passwords loaded in %d ms, about %.1f MB heap%n",
                common.size(), loadMillis, listBytes / 1e6);
        System.out.printf("per password (%d measured after %d warm-up, 1000 custom terms): median %.3f ms, p95 %.3f ms,"
                        + " p99 %.3f ms, max %.3f ms; %d refused%n", MEASURED, WARM_UP, nanos[MEASURED / 2] / 1e6,
                nanos[MEASURED * 95 / 100] / 1e6, nanos[MEASURED * 99 / 100] / 1e6, nanos[MEASURED - 1] / 1e6, refused);
    }

    /** A mix as users type them: common passwords with decorations, random strings, passphrases, long ones. */
    private static List<String> passwords(Random random, int count) {
        String[] words = {"summer", "password", "welcome", "dragon", "monkey", "contoso", "tangerine", "harbor",
                "lantern", "volcano", "ledger", "correct", "horse", "battery", "staple", "winter", "spring"};
        String symbols = "!@#$%&*-_.";
        List<String> passwords = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder password = new StringBuilder();
            switch (i % 4) {
                case 0 -> password.append(capitalize(words[random.nextInt(words.length)]))
                        .append(random.nextInt(100)).append(symbols.charAt(random.nextInt(symbols.length())));
                case 1 -> random.ints(8 + random.nextInt(8), 33, 127).forEach(c -> password.append((char) c));
                case 2 -> {
                    for (int w = 0; w < 3 + random.nextInt(3); w++) {
                        password.append(w == 0 ? "" : "-").append(capitalize(words[random.nextInt(words.length)]));
                    }
                }
                default -> random.ints(30 + random.nextInt(34), 'a', 'z' + 1).forEach(c -> password.append((char) c));
            }
            passwords.add(password.toString());
        }
        return passwords;
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static long usedMemory() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
