package dev.charter.cli.kube;

import dev.charter.kube.release.GoTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A subset of Go's time layouts for {@code --time-format}. */
final class GoTimeFormat {
    private GoTimeFormat() {
    }

    static String format(GoTime t, String layout) {
        String[][] map = {{"2006", "uuuu"}, {"01", "MM"}, {"02", "dd"}, {"15", "HH"}, {"04", "mm"}, {"05", "ss"},
                {"Jan", "MMM"}, {"Mon", "EEE"}, {"Z0700", "XX"}, {"-0700", "xx"}, {"MST", "zzz"}};
        StringBuilder pattern = new StringBuilder();
        int i = 0;
        outer:
        while (i < layout.length()) {
            for (String[] m : map) {
                if (layout.startsWith(m[0], i)) {
                    pattern.append(m[1]);
                    i += m[0].length();
                    continue outer;
                }
            }
            char c = layout.charAt(i++);
            if (Character.isLetter(c)) pattern.append('\'').append(c).append('\''); else if (c == '\'') pattern.append("''"); else pattern.append(c);
        }
        return DateTimeFormatter.ofPattern(pattern.toString(), Locale.ENGLISH).format(t.time());
    }
}
