package dev.charter.sprig;

import dev.charter.template.value.GoInt;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Sprig's date.go. */
final class Dates {
    private Dates() {}

    private static GoTime timeOf(Object date) {
        if (date instanceof GoTime t) {
            return t;
        }
        if (date instanceof GoInt g && (g.type() == GoInt.IntType.INT64 || g.type() == GoInt.IntType.INT32)) {
            return GoTime.unix(g.bits(), GoTime.local());
        }
        if (date instanceof Long || date instanceof Integer) {
            return GoTime.unix(((Number) date).longValue(), GoTime.local());
        }
        return GoTime.now();
    }

    static String dateInZone(String fmt, Object date, String zone) {
        GoTime t = timeOf(date);
        ZoneId loc = TimeLayout.loadLocation(zone);
        if (loc == null) {
            loc = ZoneOffset.UTC;
        }
        return t.in(loc).format(fmt);
    }

    static GoTime dateModify(String fmt, GoTime date) {
        try {
            return date.add(TimeLayout.parseDuration(fmt));
        } catch (SprigException e) {
            return date;
        }
    }

    static GoTime mustDateModify(String fmt, GoTime date) {
        return date.add(TimeLayout.parseDuration(fmt));
    }

    static String ago(Object date) {
        GoTime t;
        if (date instanceof GoTime gt) {
            t = gt;
        } else if (date instanceof GoInt g && g.type() == GoInt.IntType.INT64 || date instanceof Long || date instanceof Integer) {
            t = GoTime.unix(Go.intBits(date), GoTime.local());
        } else {
            t = GoTime.now();
        }
        long d = GoTime.now().sub(t);
        return TimeLayout.durationString(TimeLayout.round(d, TimeLayout.SEC));
    }

    static String duration(Object sec) {
        long n = 0;
        if (sec instanceof String s) {
            Go.isInt(s);
            try {
                n = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
                if (!s.matches("[+-]?[0-9]+")) {
                    n = 0;
                }
            } catch (NumberFormatException e) {
                n = 0;
            }
        } else if (sec instanceof GoInt g && g.type() == GoInt.IntType.INT64) {
            n = g.bits();
        }
        return TimeLayout.durationString(n * TimeLayout.SEC);
    }

    static String durationRound(Object duration) {
        long d = 0;
        if (duration instanceof String s) {
            try {
                d = TimeLayout.parseDuration(s);
            } catch (SprigException e) {
                d = 0;
            }
        } else if (duration instanceof GoInt g && g.type() == GoInt.IntType.INT64) {
            d = g.bits();
        } else if (duration instanceof GoTime t) {
            d = GoTime.now().sub(t);
        }
        long u = d;
        if (d < 0) {
            u = -u;
        }
        long hour = 3600L * TimeLayout.SEC;
        long year = hour * 24 * 365;
        long month = hour * 24 * 30;
        long day = hour * 24;
        long minute = TimeLayout.MIN;
        long second = TimeLayout.SEC;
        if (Long.compareUnsigned(u, year) > 0) {
            return Long.divideUnsigned(u, year) + "y";
        } else if (Long.compareUnsigned(u, month) > 0) {
            return Long.divideUnsigned(u, month) + "mo";
        } else if (Long.compareUnsigned(u, day) > 0) {
            return Long.divideUnsigned(u, day) + "d";
        } else if (Long.compareUnsigned(u, hour) > 0) {
            return Long.divideUnsigned(u, hour) + "h";
        } else if (Long.compareUnsigned(u, minute) > 0) {
            return Long.divideUnsigned(u, minute) + "m";
        } else if (Long.compareUnsigned(u, second) > 0) {
            return Long.divideUnsigned(u, second) + "s";
        }
        return "0s";
    }

    static GoTime toDate(String fmt, String str) {
        try {
            return TimeLayout.parse(fmt, str, GoTime.local());
        } catch (SprigException e) {
            return GoTime.zero();
        }
    }

    static GoTime mustToDate(String fmt, String str) {
        return TimeLayout.parse(fmt, str, GoTime.local());
    }

    static String unixEpoch(GoTime t) {
        return Long.toString(t.sec);
    }
}
