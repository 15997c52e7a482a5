package io.github.keycloaksspr.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The admin guide's table of policy options is what the declarations say: key, label, default and values. */
class PolicySettingsGuideTest {

    private static final Path GUIDE = Path.of("..", "docs", "admin-guide.md");

    @Test
    void everySettingHasItsDeclaredRowInTheAdminGuide() throws Exception {
        String guide = Files.readString(GUIDE);
        assertThat(PolicySettings.ALL).allSatisfy(setting -> assertThat(guide).as(setting.key())
                .contains(setting.guideRow() + "\n"));
    }

    /** Prints the rows, to paste into the guide after changing a declaration. */
    public static void main(String[] args) {
        PolicySettings.ALL.forEach(setting -> System.out.println(setting.guideRow()));
    }
}
