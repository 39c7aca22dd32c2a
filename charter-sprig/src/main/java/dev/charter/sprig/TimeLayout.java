package dev.charter.sprig;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;

/** Go's time layouts (Format and Parse), time.ParseDuration and Duration.String. */
final class TimeLayout {
    private TimeLayout() {}

    static final int NONE = 0, LONG_MONTH = 1, MONTH = 2, NUM_MONTH = 3, ZERO_MONTH = 4, LONG_WEEKDAY = 5,
            WEEKDAY = 6, DAY = 7, UNDER_DAY = 8, ZERO_DAY = 9, UNDER_YEARDAY = 10, ZERO_YEARDAY = 11, HOUR = 12,
            HOUR12 = 13, ZERO_HOUR12 = 14, MINUTE = 15, ZERO_MINUTE = 16, SECOND = 17, ZERO_SECOND = 18,
            LONG_YEAR = 19, YEAR = 20, PM = 21, PM_LOWER = 22, TZ = 23, ISO_TZ = 24, ISO_SECONDS_TZ = 25,
            ISO_SHORT_TZ = 26, ISO_COLON_TZ = 27, ISO_COLON_SECONDS_TZ = 28, NUM_TZ = 29, NUM_SECONDS_TZ = 30,
            NUM_SHORT_TZ = 31, NUM_COLON_TZ = 32, NUM_COLON_SECONDS_TZ = 33, FRAC0 = 34, FRAC9 = 35;

    static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static final String[] SHORT_DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    static final String[] SHORT_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /** {prefixEnd, std, suffixStart, fracDigits, fracSep}. */
    record Chunk(int prefixEnd, int std, int suffixStart, int digits, char sep) {}

    private static boolean startsWithLower(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return 'a' <= c && c <= 'z';
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    static Chunk next(String l) {
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            switch (c) {
                case 'J':
                    if (l.startsWith("Jan", i)) {
                        if (l.startsWith("January", i)) {
                            return new Chunk(i, LONG_MONTH, i + 7, 0, ' ');
                        }
                        if (!startsWithLower(l, i + 3)) {
                            return new Chunk(i, MONTH, i + 3, 0, ' ');
                        }
                    }
                    break;
                case 'M':
                    if (l.startsWith("Mon", i)) {
                        if (l.startsWith("Monday", i)) {
                            return new Chunk(i, LONG_WEEKDAY, i + 6, 0, ' ');
                        }
                        if (!startsWithLower(l, i + 3)) {
                            return new Chunk(i, WEEKDAY, i + 3, 0, ' ');
                        }
                    }
                    if (l.startsWith("MST", i)) {
                        return new Chunk(i, TZ, i + 3, 0, ' ');
                    }
                    break;
                case '0':
                    if (i + 1 < l.length() && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6') {
                        int[] std0x = {ZERO_MONTH, ZERO_DAY, ZERO_HOUR12, ZERO_MINUTE, ZERO_SECOND, YEAR};
                        return new Chunk(i, std0x[l.charAt(i + 1) - '1'], i + 2, 0, ' ');
                    }
                    if (i + 2 < l.length() && l.charAt(i + 1) == '0' && l.charAt(i + 2) == '2') {
                        return new Chunk(i, ZERO_YEARDAY, i + 3, 0, ' ');
                    }
                    break;
                case '1':
                    if (i + 1 < l.length() && l.charAt(i + 1) == '5') {
                        return new Chunk(i, HOUR, i + 2, 0, ' ');
                    }
                    return new Chunk(i, NUM_MONTH, i + 1, 0, ' ');
                case '2':
                    if (l.startsWith("2006", i)) {
                        return new Chunk(i, LONG_YEAR, i + 4, 0, ' ');
                    }
                    return new Chunk(i, DAY, i + 1, 0, ' ');
                case '_':
                    if (i + 1 < l.length() && l.charAt(i + 1) == '2') {
                        if (l.startsWith("2006", i + 1)) {
                            return new Chunk(i + 1, LONG_YEAR, i + 5, 0, ' ');
                        }
                        return new Chunk(i, UNDER_DAY, i + 2, 0, ' ');
                    }
                    if (i + 2 < l.length() && l.charAt(i + 1) == '_' && l.charAt(i + 2) == '2') {
                        return new Chunk(i, UNDER_YEARDAY, i + 3, 0, ' ');
                    }
                    break;
                case '3':
                    return new Chunk(i, HOUR12, i + 1, 0, ' ');
                case '4':
                    return new Chunk(i, MINUTE, i + 1, 0, ' ');
                case '5':
                    return new Chunk(i, SECOND, i + 1, 0, ' ');
                case 'P':
                    if (i + 1 < l.length() && l.charAt(i + 1) == 'M') {
                        return new Chunk(i, PM, i + 2, 0, ' ');
                    }
                    break;
                case 'p':
                    if (i + 1 < l.length() && l.charAt(i + 1) == 'm') {
                        return new Chunk(i, PM_LOWER, i + 2, 0, ' ');
                    }
                    break;
                case '-':
                    if (l.startsWith("-070000", i)) {
                        return new Chunk(i, NUM_SECONDS_TZ, i + 7, 0, ' ');
                    }
                    if (l.startsWith("-07:00:00", i)) {
                        return new Chunk(i, NUM_COLON_SECONDS_TZ, i + 9, 0, ' ');
                    }
                    if (l.startsWith("-0700", i)) {
                        return new Chunk(i, NUM_TZ, i + 5, 0, ' ');
                    }
                    if (l.startsWith("-07:00", i)) {
                        return new Chunk(i, NUM_COLON_TZ, i + 6, 0, ' ');
                    }
                    if (l.startsWith("-07", i)) {
                        return new Chunk(i, NUM_SHORT_TZ, i + 3, 0, ' ');
                    }
                    break;
                case 'Z':
                    if (l.startsWith("Z070000", i)) {
                        return new Chunk(i, ISO_SECONDS_TZ, i + 7, 0, ' ');
                    }
                    if (l.startsWith("Z07:00:00", i)) {
                        return new Chunk(i, ISO_COLON_SECONDS_TZ, i + 9, 0, ' ');
                    }
                    if (l.startsWith("Z0700", i)) {
                        return new Chunk(i, ISO_TZ, i + 5, 0, ' ');
                    }
                    if (l.startsWith("Z07:00", i)) {
                        return new Chunk(i, ISO_COLON_TZ, i + 6, 0, ' ');
                    }
                    if (l.startsWith("Z07", i)) {
                        return new Chunk(i, ISO_SHORT_TZ, i + 3, 0, ' ');
                    }
                    break;
                case '.', ',':
                    if (i + 1 < l.length() && (l.charAt(i + 1) == '0' || l.charAt(i + 1) == '9')) {
                        char ch = l.charAt(i + 1);
                        int j = i + 1;
                        while (j < l.length() && l.charAt(j) == ch) {
                            j++;
                        }
                        if (!isDigit(l, j)) {
                            return new Chunk(i, ch == '0' ? FRAC0 : FRAC9, j, j - (i + 1), c);
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        return new Chunk(l.length(), NONE, l.length(), 0, ' ');
    }

    private static void pad(StringBuilder b, long v, int width) {
        if (v < 0) {
            b.append('-');
            v = -v;
        }
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }

    static String format(GoTime t, String layout) {
        ZonedDateTime z = t.zdt();
        int offset = t.offsetSeconds();
        StringBuilder b = new StringBuilder();
        String l = layout;
        while (!l.isEmpty()) {
            Chunk c = next(l);
            b.append(l, 0, c.prefixEnd());
            if (c.std() == NONE) {
                break;
            }
            l = l.substring(c.suffixStart());
            int year = z.getYear();
            int hour = z.getHour();
            switch (c.std()) {
                case YEAR -> pad(b, Math.abs(year % 100), 2);
                case LONG_YEAR -> pad(b, year, 4);
                case MONTH -> b.append(SHORT_MONTHS[z.getMonthValue() - 1]);
                case LONG_MONTH -> b.append(LONG_MONTHS[z.getMonthValue() - 1]);
                case NUM_MONTH -> b.append(z.getMonthValue());
                case ZERO_MONTH -> pad(b, z.getMonthValue(), 2);
                case WEEKDAY -> b.append(SHORT_DAYS[z.getDayOfWeek().getValue() % 7]);
                case LONG_WEEKDAY -> b.append(LONG_DAYS[z.getDayOfWeek().getValue() % 7]);
                case DAY -> b.append(z.getDayOfMonth());
                case UNDER_DAY -> {
                    if (z.getDayOfMonth() < 10) {
                        b.append(' ');
                    }
                    b.append(z.getDayOfMonth());
                }
                case ZERO_DAY -> pad(b, z.getDayOfMonth(), 2);
                case UNDER_YEARDAY -> {
                    int yd = z.getDayOfYear();
                    if (yd < 100) {
                        b.append(' ');
                        if (yd < 10) {
                            b.append(' ');
                        }
                    }
                    b.append(yd);
                }
                case ZERO_YEARDAY -> pad(b, z.getDayOfYear(), 3);
                case HOUR -> pad(b, hour, 2);
                case HOUR12 -> b.append(hour % 12 == 0 ? 12 : hour % 12);
                case ZERO_HOUR12 -> pad(b, hour % 12 == 0 ? 12 : hour % 12, 2);
                case MINUTE -> b.append(z.getMinute());
                case ZERO_MINUTE -> pad(b, z.getMinute(), 2);
                case SECOND -> b.append(z.getSecond());
                case ZERO_SECOND -> pad(b, z.getSecond(), 2);
                case PM -> b.append(hour >= 12 ? "PM" : "AM");
                case PM_LOWER -> b.append(hour >= 12 ? "pm" : "am");
                case ISO_TZ, ISO_COLON_TZ, ISO_SECONDS_TZ, ISO_SHORT_TZ, ISO_COLON_SECONDS_TZ, NUM_TZ, NUM_COLON_TZ,
                        NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_SECONDS_TZ -> {
                    int std = c.std();
                    if (offset == 0 && (std == ISO_TZ || std == ISO_COLON_TZ || std == ISO_SECONDS_TZ
                            || std == ISO_SHORT_TZ || std == ISO_COLON_SECONDS_TZ)) {
                        b.append('Z');
                        break;
                    }
                    int zone = offset / 60;
                    int absoffset = offset;
                    if (zone < 0) {
                        b.append('-');
                        zone = -zone;
                        absoffset = -absoffset;
                    } else {
                        b.append('+');
                    }
                    pad(b, zone / 60, 2);
                    if (std == ISO_COLON_TZ || std == NUM_COLON_TZ || std == ISO_COLON_SECONDS_TZ || std == NUM_COLON_SECONDS_TZ) {
                        b.append(':');
                    }
                    if (std != NUM_SHORT_TZ && std != ISO_SHORT_TZ) {
                        pad(b, zone % 60, 2);
                    }
                    if (std == ISO_SECONDS_TZ || std == NUM_SECONDS_TZ || std == NUM_COLON_SECONDS_TZ || std == ISO_COLON_SECONDS_TZ) {
                        if (std == NUM_COLON_SECONDS_TZ || std == ISO_COLON_SECONDS_TZ) {
                            b.append(':');
                        }
                        pad(b, absoffset % 60, 2);
                    }
                }
                case TZ -> {
                    String name = t.zoneName();
                    if (!name.isEmpty()) {
                        b.append(name);
                        break;
                    }
                    int zone = offset / 60;
                    if (zone < 0) {
                        b.append('-');
                        zone = -zone;
                    } else {
                        b.append('+');
                    }
                    pad(b, zone / 60, 2);
                    pad(b, zone % 60, 2);
                }
                case FRAC0, FRAC9 -> appendFrac(b, t.nsec, c.digits(), c.std() == FRAC9, c.sep());
                default -> { }
            }
        }
        return b.toString();
    }

    private static void appendFrac(StringBuilder b, int nanosec, int n, boolean trim, char sep) {
        if (n > 9) {
            n = 9;
        }
        String digits = String.format("%09d", nanosec).substring(0, n);
        if (trim) {
            int e = digits.length();
            while (e > 0 && digits.charAt(e - 1) == '0') {
                e--;
            }
            digits = digits.substring(0, e);
            if (digits.isEmpty()) {
                return;
            }
        }
        b.append(sep).append(digits);
    }

    // ---- parsing ----

    static final class Bad extends Exception {
        Bad() {
            super(null, null, false, false);
        }
    }

    private static final Bad BAD = new Bad();

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r == '"' || r == '\\') {
                b.append('\\');
            }
            if (r < 0x20 || r == 0x7f) {
                b.append("\\x").append(String.format("%02x", r));
            } else {
                b.appendCodePoint(r);
            }
        }
        return b.append('"').toString();
    }

    private static SprigException parseError(String layout, String value, String layoutElem, String valueElem, String msg) {
        if (msg.isEmpty()) {
            return new SprigException("parsing time " + quote(value) + " as " + quote(layout) + ": cannot parse "
                    + quote(valueElem) + " as " + quote(layoutElem));
        }
        return new SprigException("parsing time " + quote(value) + msg);
    }

    private static String cutspace(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.substring(i);
    }

    private static String skip(String value, String prefix) throws Bad {
        while (!prefix.isEmpty()) {
            if (prefix.charAt(0) == ' ') {
                if (!value.isEmpty() && value.charAt(0) != ' ') {
                    throw BAD;
                }
                prefix = cutspace(prefix);
                value = cutspace(value);
                continue;
            }
            if (value.isEmpty() || value.charAt(0) != prefix.charAt(0)) {
                throw BAD;
            }
            prefix = prefix.substring(1);
            value = value.substring(1);
        }
        return value;
    }

    private static int lookup(String[] tab, String[] val) throws Bad {
        for (int i = 0; i < tab.length; i++) {
            String t = tab[i];
            if (val[0].length() >= t.length() && val[0].substring(0, t.length()).equalsIgnoreCase(t)) {
                val[0] = val[0].substring(t.length());
                return i;
            }
        }
        throw BAD;
    }

    private static int getnum(String[] s, boolean fixed) throws Bad {
        if (!isDigit(s[0], 0)) {
            throw BAD;
        }
        if (!isDigit(s[0], 1)) {
            if (fixed) {
                throw BAD;
            }
            int v = s[0].charAt(0) - '0';
            s[0] = s[0].substring(1);
            return v;
        }
        int v = (s[0].charAt(0) - '0') * 10 + (s[0].charAt(1) - '0');
        s[0] = s[0].substring(2);
        return v;
    }

    private static int getnum3(String[] s, boolean fixed) throws Bad {
        int n = 0;
        int i = 0;
        for (; i < 3 && isDigit(s[0], i); i++) {
            n = n * 10 + (s[0].charAt(i) - '0');
        }
        if (i == 0 || fixed && i != 3) {
            throw BAD;
        }
        s[0] = s[0].substring(i);
        return n;
    }

    private static int atoi(String s) throws Bad {
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            throw BAD;
        }
        long x = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw BAD;
            }
            x = x * 10 + (c - '0');
            if (x > Integer.MAX_VALUE) {
                throw BAD;
            }
        }
        return (int) (neg ? -x : x);
    }

    private static int parseNanos(String value, int nbytes) throws Bad {
        char c = value.charAt(0);
        if (c != '.' && c != ',') {
            throw BAD;
        }
        if (nbytes > 10) {
            value = value.substring(0, 10);
            nbytes = 10;
        }
        int ns = atoi(value.substring(1, nbytes));
        for (int i = 0; i < 10 - nbytes; i++) {
            ns *= 10;
        }
        return ns;
    }

    private static int parseTimeZone(String value) {
        if (value.length() < 3) {
            return -1;
        }
        if (value.length() >= 4 && (value.startsWith("ChST") || value.startsWith("MeST"))) {
            return 4;
        }
        if (value.startsWith("GMT")) {
            return 3 + parseSignedOffset(value.substring(3));
        }
        if (value.charAt(0) == '+' || value.charAt(0) == '-') {
            int l = parseSignedOffset(value);
            return l > 0 ? l : -1;
        }
        int nUpper = 0;
        for (; nUpper < 6 && nUpper < value.length(); nUpper++) {
            char c = value.charAt(nUpper);
            if (c < 'A' || 'Z' < c) {
                break;
            }
        }
        switch (nUpper) {
            case 0, 1, 2, 6:
                return -1;
            case 5:
                return value.charAt(4) == 'T' ? 5 : -1;
            case 4:
                return value.charAt(3) == 'T' || value.startsWith("WITA") ? 4 : -1;
            default:
                return 3;
        }
    }

    private static int parseSignedOffset(String value) {
        if (value.isEmpty() || value.charAt(0) != '+' && value.charAt(0) != '-') {
            return 0;
        }
        int i = 1;
        while (i < value.length() && isDigit(value, i)) {
            i++;
        }
        if (i == 1) {
            return 0;
        }
        try {
            long x = Long.parseLong(value.substring(1, i));
            if (x > 23) {
                return 0;
            }
        } catch (NumberFormatException e) {
            return 0;
        }
        return i;
    }

    static GoTime parse(String layout, String avalue, ZoneId defaultLoc) {
        String alayout = layout;
        String value = avalue;
        int year = 0;
        int month = -1;
        int day = -1;
        int yday = -1;
        int hour = 0;
        int min = 0;
        int sec = 0;
        int nsec = 0;
        ZoneId z = null;
        int zoneOffset = -1;
        String zoneName = "";
        boolean pmSet = false;
        boolean amSet = false;
        while (true) {
            Chunk c = next(layout);
            String prefix = layout.substring(0, c.prefixEnd());
            String stdstr = layout.substring(c.prefixEnd(), c.suffixStart());
            try {
                value = skip(value, prefix);
            } catch (Bad e) {
                throw parseError(alayout, avalue, prefix, value, "");
            }
            if (c.std() == NONE) {
                if (!value.isEmpty()) {
                    throw parseError(alayout, avalue, "", value, ": extra text: " + quote(value));
                }
                break;
            }
            layout = layout.substring(c.suffixStart());
            String hold = value;
            String range = null;
            String[] v = {value};
            try {
                switch (c.std()) {
                    case YEAR -> {
                        if (v[0].length() < 2) {
                            throw BAD;
                        }
                        String p = v[0].substring(0, 2);
                        v[0] = v[0].substring(2);
                        year = atoi(p);
                        year += year >= 69 ? 1900 : 2000;
                    }
                    case LONG_YEAR -> {
                        if (v[0].length() < 4 || !isDigit(v[0], 0)) {
                            throw BAD;
                        }
                        String p = v[0].substring(0, 4);
                        v[0] = v[0].substring(4);
                        year = atoi(p);
                    }
                    case MONTH -> month = lookup(SHORT_MONTHS, v) + 1;
                    case LONG_MONTH -> month = lookup(LONG_MONTHS, v) + 1;
                    case NUM_MONTH, ZERO_MONTH -> {
                        month = getnum(v, c.std() == ZERO_MONTH);
                        if (month <= 0 || 12 < month) {
                            range = "month";
                        }
                    }
                    case WEEKDAY -> lookup(SHORT_DAYS, v);
                    case LONG_WEEKDAY -> lookup(LONG_DAYS, v);
                    case DAY, UNDER_DAY, ZERO_DAY -> {
                        if (c.std() == UNDER_DAY && !v[0].isEmpty() && v[0].charAt(0) == ' ') {
                            v[0] = v[0].substring(1);
                        }
                        day = getnum(v, c.std() == ZERO_DAY);
                    }
                    case UNDER_YEARDAY, ZERO_YEARDAY -> {
                        for (int i = 0; i < 2; i++) {
                            if (c.std() == UNDER_YEARDAY && !v[0].isEmpty() && v[0].charAt(0) == ' ') {
                                v[0] = v[0].substring(1);
                            }
                        }
                        yday = getnum3(v, c.std() == ZERO_YEARDAY);
                    }
                    case HOUR -> {
                        hour = getnum(v, false);
                        if (hour < 0 || 24 <= hour) {
                            range = "hour";
                        }
                    }
                    case HOUR12, ZERO_HOUR12 -> {
                        hour = getnum(v, c.std() == ZERO_HOUR12);
                        if (hour < 0 || 12 < hour) {
                            range = "hour";
                        }
                    }
                    case MINUTE, ZERO_MINUTE -> {
                        min = getnum(v, c.std() == ZERO_MINUTE);
                        if (min < 0 || 60 <= min) {
                            range = "minute";
                        }
                    }
                    case SECOND, ZERO_SECOND -> {
                        sec = getnum(v, c.std() == ZERO_SECOND);
                        if (sec < 0 || 60 <= sec) {
                            range = "second";
                            break;
                        }
                        if (v[0].length() >= 2 && (v[0].charAt(0) == '.' || v[0].charAt(0) == ',') && isDigit(v[0], 1)) {
                            int nstd = next(layout).std();
                            if (nstd == FRAC0 || nstd == FRAC9) {
                                break;
                            }
                            int n = 2;
                            while (n < v[0].length() && isDigit(v[0], n)) {
                                n++;
                            }
                            nsec = parseNanos(v[0], n);
                            v[0] = v[0].substring(n);
                        }
                    }
                    case PM, PM_LOWER -> {
                        if (v[0].length() < 2) {
                            throw BAD;
                        }
                        String p = v[0].substring(0, 2);
                        v[0] = v[0].substring(2);
                        String pmS = c.std() == PM ? "PM" : "pm";
                        String amS = c.std() == PM ? "AM" : "am";
                        if (p.equals(pmS)) {
                            pmSet = true;
                        } else if (p.equals(amS)) {
                            amSet = true;
                        } else {
                            throw BAD;
                        }
                    }
                    case ISO_TZ, ISO_SHORT_TZ, ISO_COLON_TZ, ISO_SECONDS_TZ, ISO_COLON_SECONDS_TZ, NUM_TZ, NUM_SHORT_TZ,
                            NUM_COLON_TZ, NUM_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> {
                        int std = c.std();
                        boolean iso = std == ISO_TZ || std == ISO_SHORT_TZ || std == ISO_COLON_TZ || std == ISO_SECONDS_TZ
                                || std == ISO_COLON_SECONDS_TZ;
                        if (iso && !v[0].isEmpty() && v[0].charAt(0) == 'Z') {
                            v[0] = v[0].substring(1);
                            z = ZoneOffset.UTC;
                            break;
                        }
                        String val = v[0];
                        String sign;
                        String hh;
                        String mm;
                        String ss;
                        if (std == ISO_COLON_TZ || std == NUM_COLON_TZ) {
                            if (val.length() < 6 || val.charAt(3) != ':') {
                                throw BAD;
                            }
                            sign = val.substring(0, 1);
                            hh = val.substring(1, 3);
                            mm = val.substring(4, 6);
                            ss = "00";
                            v[0] = val.substring(6);
                        } else if (std == NUM_SHORT_TZ || std == ISO_SHORT_TZ) {
                            if (val.length() < 3) {
                                throw BAD;
                            }
                            sign = val.substring(0, 1);
                            hh = val.substring(1, 3);
                            mm = "00";
                            ss = "00";
                            v[0] = val.substring(3);
                        } else if (std == ISO_COLON_SECONDS_TZ || std == NUM_COLON_SECONDS_TZ) {
                            if (val.length() < 9 || val.charAt(3) != ':' || val.charAt(6) != ':') {
                                throw BAD;
                            }
                            sign = val.substring(0, 1);
                            hh = val.substring(1, 3);
                            mm = val.substring(4, 6);
                            ss = val.substring(7, 9);
                            v[0] = val.substring(9);
                        } else if (std == ISO_SECONDS_TZ || std == NUM_SECONDS_TZ) {
                            if (val.length() < 7) {
                                throw BAD;
                            }
                            sign = val.substring(0, 1);
                            hh = val.substring(1, 3);
                            mm = val.substring(3, 5);
                            ss = val.substring(5, 7);
                            v[0] = val.substring(7);
                        } else {
                            if (val.length() < 5) {
                                throw BAD;
                            }
                            sign = val.substring(0, 1);
                            hh = val.substring(1, 3);
                            mm = val.substring(3, 5);
                            ss = "00";
                            v[0] = val.substring(5);
                        }
                        int hr = getnum(new String[] {hh}, true);
                        int mi = getnum(new String[] {mm}, true);
                        int se = getnum(new String[] {ss}, true);
                        if (hr > 24) {
                            range = "time zone offset hour";
                        }
                        if (mi > 60) {
                            range = "time zone offset minute";
                        }
                        if (se > 60) {
                            range = "time zone offset second";
                        }
                        zoneOffset = (hr * 60 + mi) * 60 + se;
                        switch (sign.charAt(0)) {
                            case '+' -> { }
                            case '-' -> zoneOffset = -zoneOffset;
                            default -> throw BAD;
                        }
                    }
                    case TZ -> {
                        if (v[0].length() >= 3 && v[0].startsWith("UTC")) {
                            z = ZoneOffset.UTC;
                            v[0] = v[0].substring(3);
                            break;
                        }
                        int n = parseTimeZone(v[0]);
                        if (n <= 0) {
                            throw BAD;
                        }
                        zoneName = v[0].substring(0, n);
                        v[0] = v[0].substring(n);
                    }
                    case FRAC0 -> {
                        int ndigit = 1 + c.digits();
                        if (v[0].length() < ndigit) {
                            throw BAD;
                        }
                        nsec = parseNanos(v[0], ndigit);
                        v[0] = v[0].substring(ndigit);
                    }
                    case FRAC9 -> {
                        String val = v[0];
                        if (val.length() < 2 || val.charAt(0) != '.' && val.charAt(0) != ',' || val.charAt(1) < '0' || '9' < val.charAt(1)) {
                            break;
                        }
                        int i = 0;
                        while (i + 1 < val.length() && '0' <= val.charAt(i + 1) && val.charAt(i + 1) <= '9') {
                            i++;
                        }
                        nsec = parseNanos(val, 1 + i);
                        v[0] = val.substring(1 + i);
                    }
                    default -> { }
                }
            } catch (Bad e) {
                throw parseError(alayout, avalue, stdstr, hold, "");
            }
            value = v[0];
            if (range != null) {
                throw parseError(alayout, avalue, stdstr, value, ": " + range + " out of range");
            }
        }
        if (pmSet && hour < 12) {
            hour += 12;
        } else if (amSet && hour == 12) {
            hour = 0;
        }
        if (yday >= 0) {
            int d;
            int m;
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            if (yday < 1 || yday > 365 + (leap ? 1 : 0)) {
                throw parseError(alayout, avalue, "", value, ": day-of-year out of range");
            }
            LocalDateTime ld = LocalDateTime.of(year, 1, 1, 0, 0).plusDays(yday - 1);
            m = ld.getMonthValue();
            d = ld.getDayOfMonth();
            if (month >= 0 && month != m) {
                throw parseError(alayout, avalue, "", value, ": day-of-year does not match month");
            }
            month = m;
            if (day >= 0 && day != d) {
                throw parseError(alayout, avalue, "", value, ": day-of-year does not match day");
            }
            day = d;
        } else {
            if (month < 0) {
                month = 1;
            }
            if (day < 0) {
                day = 1;
            }
        }
        if (day < 1 || day > daysIn(month, year)) {
            throw parseError(alayout, avalue, "", value, ": day out of range");
        }
        LocalDateTime ldt = LocalDateTime.of(year, month, day, hour, min, sec, nsec);
        if (z != null) {
            return fromLocal(ldt, z, null);
        }
        if (zoneOffset != -1) {
            long utcSec = ldt.toEpochSecond(ZoneOffset.UTC) - zoneOffset;
            java.time.Instant inst = java.time.Instant.ofEpochSecond(utcSec, nsec);
            int localOff = defaultLoc.getRules().getOffset(inst).getTotalSeconds();
            GoTime probe = new GoTime(utcSec, nsec, defaultLoc, null, Long.MIN_VALUE);
            if (localOff == zoneOffset && (zoneName.isEmpty() || probe.zoneName().equals(zoneName))) {
                return probe;
            }
            return new GoTime(utcSec, nsec, ZoneOffset.ofTotalSeconds(zoneOffset), zoneName, Long.MIN_VALUE);
        }
        if (!zoneName.isEmpty()) {
            long utcSec = ldt.toEpochSecond(ZoneOffset.UTC);
            GoTime probe = fromLocal(ldt, defaultLoc, null);
            if (probe.zoneName().equals(zoneName)) {
                return probe;
            }
            int offset = 0;
            if (zoneName.length() > 3 && zoneName.startsWith("GMT")) {
                try {
                    offset = atoi(zoneName.substring(3)) * 3600;
                } catch (Bad e) {
                    offset = 0;
                }
            }
            return new GoTime(utcSec - offset, nsec, ZoneOffset.ofTotalSeconds(offset), zoneName, Long.MIN_VALUE);
        }
        return fromLocal(ldt, defaultLoc, null);
    }

    static GoTime fromLocal(LocalDateTime ldt, ZoneId z, String name) {
        ZonedDateTime zd = ldt.atZone(z);
        return new GoTime(zd.toEpochSecond(), ldt.get(ChronoField.NANO_OF_SECOND), z, name, Long.MIN_VALUE);
    }

    static int daysIn(int month, int year) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return switch (month) {
            case 2 -> leap ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    // ---- durations ----

    static final long NS = 1, US = 1000, MS = 1_000_000, SEC = 1_000_000_000L, MIN = 60 * SEC, HOURNS = 60 * MIN;

    static long parseDuration(String s) {
        String orig = s;
        long d = 0;
        boolean neg = false;
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c == '-' || c == '+') {
                neg = c == '-';
                s = s.substring(1);
            }
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw new SprigException("time: invalid duration " + quote(orig));
        }
        while (!s.isEmpty()) {
            long v;
            long f = 0;
            double scale = 1;
            char c = s.charAt(0);
            if (!(c == '.' || '0' <= c && c <= '9')) {
                throw new SprigException("time: invalid duration " + quote(orig));
            }
            int pl = s.length();
            int i = 0;
            java.math.BigInteger bv = java.math.BigInteger.ZERO;
            while (i < s.length() && isDigit(s, i)) {
                bv = bv.multiply(java.math.BigInteger.TEN).add(java.math.BigInteger.valueOf(s.charAt(i) - '0'));
                i++;
            }
            if (bv.bitLength() > 63) {
                throw new SprigException("time: invalid duration " + quote(orig));
            }
            v = bv.longValue();
            s = s.substring(i);
            boolean pre = pl != s.length();
            boolean post = false;
            if (!s.isEmpty() && s.charAt(0) == '.') {
                s = s.substring(1);
                pl = s.length();
                i = 0;
                boolean overflow = false;
                while (i < s.length() && isDigit(s, i)) {
                    if (overflow) {
                        i++;
                        continue;
                    }
                    if (f > (Long.MAX_VALUE - 9) / 10) {
                        overflow = true;
                        i++;
                        continue;
                    }
                    f = f * 10 + (s.charAt(i) - '0');
                    scale *= 10;
                    i++;
                }
                s = s.substring(i);
                post = pl != s.length();
            }
            if (!pre && !post) {
                throw new SprigException("time: invalid duration " + quote(orig));
            }
            i = 0;
            while (i < s.length()) {
                char ch = s.charAt(i);
                if (ch == '.' || '0' <= ch && ch <= '9') {
                    break;
                }
                i++;
            }
            if (i == 0) {
                throw new SprigException("time: missing unit in duration " + quote(orig));
            }
            String u = s.substring(0, i);
            s = s.substring(i);
            long unit = switch (u) {
                case "ns" -> NS;
                case "us", "\u00b5s", "\u03bcs" -> US;
                case "ms" -> MS;
                case "s" -> SEC;
                case "m" -> MIN;
                case "h" -> HOURNS;
                default -> throw new SprigException("time: unknown unit " + quote(u) + " in duration " + quote(orig));
            };
            if (v > Long.MAX_VALUE / unit) {
                throw new SprigException("time: invalid duration " + quote(orig));
            }
            v *= unit;
            if (f > 0) {
                v += (long) ((double) f * ((double) unit / scale));
                if (v < 0) {
                    throw new SprigException("time: invalid duration " + quote(orig));
                }
            }
            d += v;
            if (d < 0) {
                throw new SprigException("time: invalid duration " + quote(orig));
            }
        }
        return neg ? -d : d;
    }

    static String durationString(long d) {
        if (d == 0) {
            return "0s";
        }
        char[] buf = new char[32];
        int w = buf.length;
        long u = d;
        boolean neg = d < 0;
        if (neg) {
            u = -u;
        }
        if (Long.compareUnsigned(u, SEC) < 0) {
            int prec;
            w--;
            buf[w] = 's';
            w--;
            if (u < US) {
                prec = 0;
                buf[w] = 'n';
            } else if (u < MS) {
                prec = 3;
                w--;
                String mu = "\u00b5";
                buf[w] = mu.charAt(0);
                w++;
                buf[w] = 0;
                // rebuild below
                String head = fmtFracInt(u, prec);
                return (neg ? "-" : "") + head + "\u00b5s";
            } else {
                prec = 6;
                buf[w] = 'm';
            }
            String head = fmtFracInt(u, prec);
            return (neg ? "-" : "") + head + (prec == 0 ? "ns" : "ms");
        }
        StringBuilder sb = new StringBuilder();
        String secs = fmtFracInt(Long.remainderUnsigned(u, 60 * SEC) , 9);
        long rest = Long.divideUnsigned(u, 60 * SEC);
        sb.append(secs).append('s');
        String out = sb.toString();
        if (rest > 0) {
            long mins = rest % 60;
            long hours = rest / 60;
            out = mins + "m" + out;
            if (hours > 0) {
                out = hours + "h" + out;
            }
        }
        return (neg ? "-" : "") + out;
    }

    /** v / 10^prec with the fraction's trailing zeros (and dot) removed. */
    private static String fmtFracInt(long v, int prec) {
        String frac = "";
        if (prec > 0) {
            long p = 1;
            for (int i = 0; i < prec; i++) {
                p *= 10;
            }
            long f = Long.remainderUnsigned(v, p);
            v = Long.divideUnsigned(v, p);
            if (f != 0) {
                String fs = String.format("%0" + prec + "d", f);
                int e = fs.length();
                while (e > 0 && fs.charAt(e - 1) == '0') {
                    e--;
                }
                frac = "." + fs.substring(0, e);
            }
        }
        return Long.toUnsignedString(v) + frac;
    }

    /** Go's Duration.Round(m). */
    static long round(long d, long m) {
        if (m <= 0) {
            return d;
        }
        long r = d % m;
        if (d < 0) {
            r = -r;
            if (r + r < m) {
                return d + r;
            }
            long d1 = d - m + r;
            if (d1 < d) {
                return d1;
            }
            return Long.MIN_VALUE;
        }
        if (r + r < m) {
            return d - r;
        }
        long d1 = d + m - r;
        if (d1 > d) {
            return d1;
        }
        return Long.MAX_VALUE;
    }

    static ZoneId loadLocation(String name) {
        if (name.isEmpty() || name.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        if (name.equals("Local")) {
            return GoTime.local();
        }
        try {
            return ZoneId.of(name);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
