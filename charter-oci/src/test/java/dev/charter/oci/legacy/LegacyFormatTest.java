package dev.charter.oci.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LegacyFormatTest {

    @Test
    void byteCountBinaryAsGo() {
        assertThat(LegacyFormat.byteCountBinary(0)).isEqualTo("0 B");
        assertThat(LegacyFormat.byteCountBinary(1023)).isEqualTo("1023 B");
        assertThat(LegacyFormat.byteCountBinary(1024)).isEqualTo("1.0 KiB");
        assertThat(LegacyFormat.byteCountBinary(2458)).isEqualTo("2.4 KiB");
        assertThat(LegacyFormat.byteCountBinary(3 * 1024 * 1024 + 512 * 1024)).isEqualTo("3.5 MiB");
        assertThat(LegacyFormat.byteCountBinary(1L << 40)).isEqualTo("1.0 TiB");
    }

    @Test
    void shortDigestOnlyForFullHex() {
        assertThat(LegacyFormat.shortDigest("a".repeat(64))).isEqualTo("aaaaaaa");
        assertThat(LegacyFormat.shortDigest("abc")).isEqualTo("abc");
    }

    @Test
    void humanDurationAsGoUnits() {
        assertThat(LegacyFormat.humanDuration(Duration.ofMillis(300))).isEqualTo("Less than a second");
        assertThat(LegacyFormat.humanDuration(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(LegacyFormat.humanDuration(Duration.ofSeconds(59))).isEqualTo("59 seconds");
        assertThat(LegacyFormat.humanDuration(Duration.ofSeconds(61))).isEqualTo("About a minute");
        assertThat(LegacyFormat.humanDuration(Duration.ofMinutes(59))).isEqualTo("59 minutes");
        assertThat(LegacyFormat.humanDuration(Duration.ofMinutes(89))).isEqualTo("About an hour");
        assertThat(LegacyFormat.humanDuration(Duration.ofMinutes(90))).isEqualTo("2 hours");
        assertThat(LegacyFormat.humanDuration(Duration.ofHours(47))).isEqualTo("47 hours");
        assertThat(LegacyFormat.humanDuration(Duration.ofHours(48))).isEqualTo("2 days");
        assertThat(LegacyFormat.humanDuration(Duration.ofDays(14))).isEqualTo("2 weeks");
        assertThat(LegacyFormat.humanDuration(Duration.ofDays(60))).isEqualTo("2 months");
        assertThat(LegacyFormat.humanDuration(Duration.ofDays(800))).isEqualTo("2 years");
    }
}
