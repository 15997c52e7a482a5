package io.github.keycloaksspr.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KnownContactTest {

    @Test
    void contactsAreKeptOnceTheMostRecentLast() {
        String stored = KnownContact.merge(List.of(), List.of(KnownContact.phone("+4917000000001"),
                KnownContact.email("a@home.example")), 2000);

        String again = KnownContact.merge(KnownContact.parse(stored), List.of(KnownContact.phone("+4917000000001")),
                2000);

        assertThat(KnownContact.parse(again)).containsExactly(KnownContact.email("a@home.example"),
                KnownContact.phone("+4917000000001"));
    }

    @Test
    void theOldestGoFirstBeyondTen() {
        List<KnownContact> twelve = IntStream.range(0, 12).mapToObj(i -> KnownContact.email(i + "@home.example"))
                .toList();

        List<KnownContact> kept = KnownContact.parse(KnownContact.merge(List.of(), twelve, 2000));

        assertThat(kept).hasSize(KnownContact.MAX_KEPT).first().isEqualTo(KnownContact.email("2@home.example"));
    }

    @Test
    void theOldestGoFirstUntilTheTextFits() {
        List<KnownContact> long254 = IntStream.range(0, 10).mapToObj(i -> KnownContact.email(
                "x".repeat(240) + i + "@home.example")).toList();

        String text = KnownContact.merge(List.of(), long254, 2000);

        assertThat(text.length()).isLessThanOrEqualTo(2000);
        assertThat(KnownContact.parse(text)).last().isEqualTo(long254.get(9));
    }

    @Test
    void aLineThatIsNoContactIsSkipped() {
        assertThat(KnownContact.parse("phone:+4917000000001\nfax:123\nemail:\n\nemail:b@home.example\naccount:c@corp.example"))
                .containsExactly(KnownContact.phone("+4917000000001"), KnownContact.email("b@home.example"),
                        KnownContact.account("c@corp.example"));
    }
}
