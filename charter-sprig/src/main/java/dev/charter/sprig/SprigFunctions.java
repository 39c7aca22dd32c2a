package dev.charter.sprig;

import dev.charter.sprig.semver.Constraints;
import dev.charter.sprig.semver.SemverVersion;
import dev.charter.template.FunctionRegistry;
import dev.charter.template.Signature;
import dev.charter.template.TemplateFunction;
import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoType;
import dev.charter.template.value.Kind;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Sprig v3.3.0 function map as Helm v4 registers it: {@code sprig.TxtFuncMap()} without
 * {@code env} and {@code expandenv}, with Helm's own {@code toJson}/{@code fromJson} (identical
 * output for toJson; fromJson returns a map with an {@code Error} key instead of failing).
 * Helm's other additions ({@code include}, {@code tpl}, {@code required}, {@code toYaml},
 * {@code fromYaml}, {@code toToml}, {@code lookup}, ...) are registered by the chart engine.
 */
public final class SprigFunctions {
    private SprigFunctions() {}

    private static final GoType S = GoType.STRING;
    private static final GoType I = GoType.INT;
    private static final GoType A = GoType.ANY;
    private static final GoType B = GoType.BOOL;
    private static final GoType F = GoType.FLOAT64;
    private static final GoType I64 = GoType.INT64;
    private static final GoType MAP = GoType.MAP;
    private static final GoType SLICE = GoType.SLICE;
    private static final GoType STRS = GoSlice.STRINGS;
    private static final GoType INTS = GoSlice.INTS;
    private static final GoType TIME = GoTime.TYPE;
    private static final GoType UINT32 = GoType.of(GoInt.IntType.UINT32);
    private static final GoType CERT = new GoType("sprig.certificate", Kind.STRUCT, Crypto.Certificate.class);
    private static final GoType MSS = GoMap.STRING_STRING;
    private static final GoType VERSION = SemverVersion.TYPE;

    /** Registers every function into {@code registry}; returns it. */
    public static FunctionRegistry register(FunctionRegistry registry) {
        new Builder(registry).all();
        return registry;
    }

    /** A new registry holding only the Sprig functions. */
    public static FunctionRegistry registry() {
        return register(new FunctionRegistry());
    }

    private static volatile boolean enableDns;

    /** Helm's {@code --enable-dns}: without it getHostByName returns "" (Helm's default). */
    public static void setEnableDns(boolean enable) {
        enableDns = enable;
    }

    /** Sets Go's time.Local for date functions (Helm uses the process TZ). */
    public static void setLocalZone(java.time.ZoneId zone) {
        GoTime.setLocal(zone);
    }

    static long L(Object o) {
        if (o instanceof GoInt g) {
            return g.bits();
        }
        return ((Number) o).longValue();
    }

    static String str(Object o) {
        return (String) o;
    }

    static Map<String, Object> map(Object o) {
        return Dicts.m(o);
    }

    @SuppressWarnings("unchecked")
    static List<Object> rest(List<Object> args, int from) {
        return new ArrayList<>(args.subList(Math.min(from, args.size()), args.size()));
    }

    private static final class Builder {
        private final FunctionRegistry r;

        Builder(FunctionRegistry r) {
            this.r = r;
        }

        interface F1 {
            Object apply(Object a);
        }

        interface F2 {
            Object apply(Object a, Object b);
        }

        interface F3 {
            Object apply(Object a, Object b, Object c);
        }

        interface FN {
            Object apply(List<Object> args);
        }

        void fn(String name, GoType result, GoType[] params, FN f) {
            r.register(name, Signature.of(result, params), (ctx, args) -> f.apply(args));
        }

        void v(String name, GoType result, GoType elem, GoType[] fixed, FN f) {
            r.register(name, Signature.variadic(result, elem, fixed), (ctx, args) -> f.apply(args));
        }

        void f0(String name, GoType result, java.util.function.Supplier<Object> f) {
            fn(name, result, new GoType[0], a -> f.get());
        }

        void f1(String name, GoType result, GoType p, F1 f) {
            fn(name, result, new GoType[] {p}, a -> f.apply(a.get(0)));
        }

        void f2(String name, GoType result, GoType p, GoType q, F2 f) {
            fn(name, result, new GoType[] {p, q}, a -> f.apply(a.get(0), a.get(1)));
        }

        void f3(String name, GoType result, GoType p, GoType q, GoType s, F3 f) {
            fn(name, result, new GoType[] {p, q, s}, a -> f.apply(a.get(0), a.get(1), a.get(2)));
        }

        /** A must/non-must pair where the non-must variant panics with the same text. */
        void pair(String name, String mustName, GoType result, GoType[] params, FN f) {
            fn(name, result, params, f);
            fn(mustName, result, params, f);
        }

        static GoType[] p(GoType... t) {
            return t;
        }

        static Object i64(long v) {
            return GoInt.int64(v);
        }

        void all() {
            f0("hello", S, () -> "Hello!");

            // ---- dates ----
            f1("ago", S, A, Dates::ago);
            f2("date", S, S, A, (a, b) -> Dates.dateInZone(str(a), b, "Local"));
            f3("date_in_zone", S, S, A, S, (a, b, c) -> Dates.dateInZone(str(a), b, str(c)));
            f3("dateInZone", S, S, A, S, (a, b, c) -> Dates.dateInZone(str(a), b, str(c)));
            f2("date_modify", TIME, S, TIME, (a, b) -> Dates.dateModify(str(a), (GoTime) b));
            f2("dateModify", TIME, S, TIME, (a, b) -> Dates.dateModify(str(a), (GoTime) b));
            f1("duration", S, A, Dates::duration);
            f1("durationRound", S, A, Dates::durationRound);
            f1("htmlDate", S, A, a -> Dates.dateInZone("2006-01-02", a, "Local"));
            f2("htmlDateInZone", S, A, S, (a, b) -> Dates.dateInZone("2006-01-02", a, str(b)));
            f2("must_date_modify", TIME, S, TIME, (a, b) -> Dates.mustDateModify(str(a), (GoTime) b));
            f2("mustDateModify", TIME, S, TIME, (a, b) -> Dates.mustDateModify(str(a), (GoTime) b));
            f2("mustToDate", TIME, S, S, (a, b) -> Dates.mustToDate(str(a), str(b)));
            f0("now", TIME, GoTime::now);
            f2("toDate", TIME, S, S, (a, b) -> Dates.toDate(str(a), str(b)));
            f1("unixEpoch", S, TIME, a -> Dates.unixEpoch((GoTime) a));

            // ---- strings ----
            f2("abbrev", S, I, S, (a, b) -> Strings.abbrev(L(a), str(b)));
            f3("abbrevboth", S, I, I, S, (a, b, c) -> Strings.abbrevboth(L(a), L(b), str(c)));
            f2("trunc", S, I, S, (a, b) -> Strings.trunc(L(a), str(b)));
            f1("trim", S, S, a -> Strings.trim(str(a)));
            f1("upper", S, S, a -> Strings.upper(str(a)));
            f1("lower", S, S, a -> Strings.lower(str(a)));
            f1("title", S, S, a -> Strings.title(str(a)));
            f1("untitle", S, S, a -> Strings.untitle(str(a)));
            f3("substr", S, I, I, S, (a, b, c) -> Strings.substr(L(a), L(b), str(c)));
            f2("repeat", S, I, S, (a, b) -> Strings.repeat(L(a), str(b)));
            f2("trimall", S, S, S, (a, b) -> Strings.trimAll(str(a), str(b)));
            f2("trimAll", S, S, S, (a, b) -> Strings.trimAll(str(a), str(b)));
            f2("trimSuffix", S, S, S, (a, b) -> str(b).endsWith(str(a)) ? str(b).substring(0, str(b).length() - str(a).length()) : b);
            f2("trimPrefix", S, S, S, (a, b) -> str(b).startsWith(str(a)) ? str(b).substring(str(a).length()) : b);
            f1("nospace", S, S, a -> Strings.nospace(str(a)));
            f1("initials", S, S, a -> Strings.initials(str(a)));
            f1("randAlphaNum", S, I, a -> Strings.random(L(a), Strings.ALPHA + Strings.NUM));
            f1("randAlpha", S, I, a -> Strings.random(L(a), Strings.ALPHA));
            f1("randAscii", S, I, a -> Strings.randAscii(L(a)));
            f1("randNumeric", S, I, a -> Strings.random(L(a), Strings.NUM));
            f1("swapcase", S, S, a -> Strings.swapcase(str(a)));
            f1("shuffle", S, S, a -> Strings.shuffle(str(a)));
            f1("snakecase", S, S, a -> Strings.snakecase(str(a)));
            f1("camelcase", S, S, a -> Strings.camelcase(str(a)));
            f1("kebabcase", S, S, a -> Strings.kebabcase(str(a)));
            f2("wrap", S, I, S, (a, b) -> Strings.wrap(L(a), str(b)));
            f3("wrapWith", S, I, S, S, (a, b, c) -> Strings.wrapWith(L(a), str(b), str(c)));
            f2("contains", B, S, S, (a, b) -> str(b).contains(str(a)));
            f2("hasPrefix", B, S, S, (a, b) -> str(b).startsWith(str(a)));
            f2("hasSuffix", B, S, S, (a, b) -> str(b).endsWith(str(a)));
            v("quote", S, A, p(), Strings::quote);
            v("squote", S, A, p(), Strings::squote);
            v("cat", S, A, p(), Strings::cat);
            f2("indent", S, I, S, (a, b) -> Strings.indent(L(a), str(b)));
            f2("nindent", S, I, S, (a, b) -> Strings.nindent(L(a), str(b)));
            f3("replace", S, S, S, S, (a, b, c) -> str(c).replace(str(a), str(b)).equals(str(c)) && str(a).isEmpty()
                    ? goReplaceEmpty(str(c), str(b)) : goReplace(str(c), str(a), str(b)));
            f3("plural", S, S, S, I, (a, b, c) -> Strings.plural(str(a), str(b), L(c)));
            f1("sha1sum", S, S, a -> Crypto.hash("SHA-1", str(a)));
            f1("sha256sum", S, S, a -> Crypto.hash("SHA-256", str(a)));
            f1("sha512sum", S, S, a -> Crypto.hash("SHA-512", str(a)));
            f1("adler32sum", S, S, a -> Crypto.adler32(str(a)));
            f1("toString", S, A, Go::strval);

            f1("atoi", I, S, a -> Numeric.atoi(str(a)));
            f1("int64", I64, A, a -> i64(Go.toInt64(a)));
            f1("int", I, A, a -> Go.toInt64(a));
            f1("float64", F, A, a -> Go.toFloat64(a));
            v("seq", S, I, p(), Lists::seq);
            f1("toDecimal", I64, A, a -> i64(Numeric.toDecimal(a)));

            f2("split", MSS, S, S, (a, b) -> Strings.split(str(a), str(b)));
            f2("splitList", STRS, S, S, (a, b) -> Strings.splitList(str(a), str(b)));
            f3("splitn", MSS, S, I, S, (a, b, c) -> Strings.splitn(str(a), L(b), str(c)));
            f1("toStrings", STRS, A, Strings::toStrings);

            f1("until", INTS, I, a -> Lists.until(L(a)));
            f3("untilStep", INTS, I, I, I, (a, b, c) -> Lists.untilStep(L(a), L(b), L(c)));

            // ---- arithmetic ----
            f1("add1", I64, A, a -> i64(Go.toInt64(a) + 1));
            v("add", I64, A, p(), a -> {
                long s = 0;
                for (Object o : a) {
                    s += Go.toInt64(o);
                }
                return i64(s);
            });
            f2("sub", I64, A, A, (a, b) -> i64(Go.toInt64(a) - Go.toInt64(b)));
            f2("div", I64, A, A, (a, b) -> i64(Numeric.divide(Go.toInt64(a), Go.toInt64(b))));
            f2("mod", I64, A, A, (a, b) -> i64(Numeric.mod(Go.toInt64(a), Go.toInt64(b))));
            v("mul", I64, A, p(A), a -> {
                long val = Go.toInt64(a.get(0));
                for (Object o : rest(a, 1)) {
                    val *= Go.toInt64(o);
                }
                return i64(val);
            });
            f2("randInt", I, I, I, (a, b) -> Numeric.randInt(L(a), L(b)));
            f1("add1f", F, A, a -> Numeric.decimalOp(a, List.of(1L), BigDecimal::add));
            v("addf", F, A, p(), a -> Numeric.decimalOp(0.0, a, BigDecimal::add));
            v("subf", F, A, p(A), a -> Numeric.decimalOp(a.get(0), rest(a, 1), BigDecimal::subtract));
            v("divf", F, A, p(A), a -> Numeric.decimalOp(a.get(0), rest(a, 1), Numeric::div));
            v("mulf", F, A, p(A), a -> Numeric.decimalOp(a.get(0), rest(a, 1), BigDecimal::multiply));
            v("biggest", I64, A, p(A), a -> i64(Numeric.max(a.get(0), rest(a, 1))));
            v("max", I64, A, p(A), a -> i64(Numeric.max(a.get(0), rest(a, 1))));
            v("min", I64, A, p(A), a -> i64(Numeric.min(a.get(0), rest(a, 1))));
            v("maxf", F, A, p(A), a -> Numeric.maxf(a.get(0), rest(a, 1)));
            v("minf", F, A, p(A), a -> Numeric.minf(a.get(0), rest(a, 1)));
            f1("ceil", F, A, a -> Math.ceil(Go.toFloat64(a)));
            f1("floor", F, A, a -> Math.floor(Go.toFloat64(a)));
            v("round", F, F, p(A, I), a -> Numeric.round(a.get(0), L(a.get(1)), rest(a, 2)));

            f2("join", S, S, A, (a, b) -> Strings.join(str(a), b));
            f1("sortAlpha", STRS, A, Lists::sortAlpha);

            // ---- defaults ----
            v("default", A, A, p(A), a -> {
                List<Object> given = rest(a, 1);
                if (given.isEmpty() || Go.empty(given.get(0))) {
                    return a.get(0);
                }
                return given.get(0);
            });
            f1("empty", B, A, Go::empty);
            v("coalesce", A, A, p(), a -> {
                for (Object o : a) {
                    if (!Go.empty(o)) {
                        return o;
                    }
                }
                return null;
            });
            v("all", B, A, p(), a -> a.stream().noneMatch(Go::empty));
            v("any", B, A, p(), a -> !a.stream().allMatch(Go::empty));
            f1("compact", SLICE, A, Lists::compact);
            f1("mustCompact", SLICE, A, Lists::compact);
            f1("fromJson", MAP, S, a -> Json.unmarshalMap(str(a)));
            f1("toJson", S, A, a -> {
                try {
                    return Json.marshal(a, true, null);
                } catch (SprigException e) {
                    return "";
                }
            });
            f1("toPrettyJson", S, A, a -> {
                try {
                    return Json.marshal(a, true, "  ");
                } catch (SprigException e) {
                    return "";
                }
            });
            f1("toRawJson", S, A, a -> Json.marshal(a, false, null));
            f1("mustFromJson", A, S, a -> Json.unmarshal(str(a)));
            f1("mustToJson", S, A, a -> Json.marshal(a, true, null));
            f1("mustToPrettyJson", S, A, a -> Json.marshal(a, true, "  "));
            f1("mustToRawJson", S, A, a -> Json.marshal(a, false, null));
            f3("ternary", A, A, A, B, (a, b, c) -> (Boolean) c ? a : b);
            f1("deepCopy", A, A, Dicts::deepCopyChecked);
            f1("mustDeepCopy", A, A, Dicts::deepCopyChecked);

            // ---- reflection ----
            f1("typeOf", S, A, Go::typeName);
            f2("typeIs", B, S, A, (a, b) -> str(a).equals(Go.typeName(b)));
            f2("typeIsLike", B, S, A, (a, b) -> {
                String t = Go.typeName(b);
                return str(a).equals(t) || ("*" + str(a)).equals(t);
            });
            f1("kindOf", S, A, Go::kindName);
            f2("kindIs", B, S, A, (a, b) -> str(a).equals(Go.kindName(b)));
            f2("deepEqual", B, A, A, Go::deepEqual);

            // ---- network ----
            f1("getHostByName", S, S, a -> {
                if (!enableDns) {
                    return "";
                }
                try {
                    InetAddress[] addrs = InetAddress.getAllByName(str(a));
                    return addrs[Strings.RANDOM.nextInt(addrs.length)].getHostAddress();
                } catch (java.net.UnknownHostException e) {
                    throw new SprigException("runtime error: index out of range [0] with length 0");
                }
            });

            // ---- paths ----
            f1("base", S, S, a -> Paths.base(str(a)));
            f1("dir", S, S, a -> Paths.dir(str(a)));
            f1("clean", S, S, a -> Paths.clean(str(a)));
            f1("ext", S, S, a -> Paths.ext(str(a)));
            f1("isAbs", B, S, a -> Paths.isAbs(str(a)));
            f1("osBase", S, S, a -> Paths.base(str(a)));
            f1("osClean", S, S, a -> Paths.clean(str(a)));
            f1("osDir", S, S, a -> Paths.dir(str(a)));
            f1("osExt", S, S, a -> Paths.ext(str(a)));
            f1("osIsAbs", B, S, a -> Paths.isAbs(str(a)));

            // ---- encoding ----
            f1("b64enc", S, S, a -> Strings.b64enc(str(a)));
            f1("b64dec", S, S, a -> Strings.b64dec(str(a)));
            f1("b32enc", S, S, a -> Strings.b32enc(str(a)));
            f1("b32dec", S, S, a -> Strings.b32dec(str(a)));

            // ---- data structures ----
            v("tuple", SLICE, A, p(), ArrayList::new);
            v("list", SLICE, A, p(), ArrayList::new);
            v("dict", MAP, A, p(), Dicts::dict);
            f2("get", A, MAP, S, (a, b) -> Dicts.get(map(a), str(b)));
            f3("set", MAP, MAP, S, A, (a, b, c) -> Dicts.set(map(a), str(b), c));
            f2("unset", MAP, MAP, S, (a, b) -> Dicts.unset(map(a), str(b)));
            f2("hasKey", B, MAP, S, (a, b) -> Dicts.hasKey(map(a), str(b)));
            v("pluck", SLICE, MAP, p(S), a -> Dicts.pluck(str(a.get(0)), rest(a, 1)));
            v("keys", STRS, MAP, p(), Dicts::keys);
            v("pick", MAP, S, p(MAP), a -> Dicts.pick(map(a.get(0)), rest(a, 1)));
            v("omit", MAP, S, p(MAP), a -> Dicts.omit(map(a.get(0)), rest(a, 1)));
            v("merge", A, MAP, p(MAP), a -> Dicts.merge(map(a.get(0)), rest(a, 1), false));
            v("mergeOverwrite", A, MAP, p(MAP), a -> Dicts.merge(map(a.get(0)), rest(a, 1), true));
            v("mustMerge", A, MAP, p(MAP), a -> Dicts.merge(map(a.get(0)), rest(a, 1), false));
            v("mustMergeOverwrite", A, MAP, p(MAP), a -> Dicts.merge(map(a.get(0)), rest(a, 1), true));
            f1("values", SLICE, MAP, a -> Dicts.values(map(a)));

            pair("append", "mustAppend", SLICE, p(A, A), a -> Lists.push(a.get(0), a.get(1)));
            pair("push", "mustPush", SLICE, p(A, A), a -> Lists.push(a.get(0), a.get(1)));
            pair("prepend", "mustPrepend", SLICE, p(A, A), a -> Lists.prepend(a.get(0), a.get(1)));
            pair("first", "mustFirst", A, p(A), a -> Lists.first(a.get(0)));
            pair("rest", "mustRest", SLICE, p(A), a -> Lists.rest(a.get(0)));
            pair("last", "mustLast", A, p(A), a -> Lists.last(a.get(0)));
            pair("initial", "mustInitial", SLICE, p(A), a -> Lists.initial(a.get(0)));
            pair("reverse", "mustReverse", SLICE, p(A), a -> Lists.reverse(a.get(0)));
            pair("uniq", "mustUniq", SLICE, p(A), a -> Lists.uniq(a.get(0)));
            v("without", SLICE, A, p(A), a -> Lists.without(a.get(0), rest(a, 1)));
            v("mustWithout", SLICE, A, p(A), a -> Lists.without(a.get(0), rest(a, 1)));
            pair("has", "mustHas", B, p(A, A), a -> Lists.has(a.get(0), a.get(1)));
            v("slice", A, A, p(A), a -> Lists.slice(a.get(0), rest(a, 1)));
            v("mustSlice", A, A, p(A), a -> Lists.slice(a.get(0), rest(a, 1)));
            v("concat", A, A, p(), Lists::concat);
            v("dig", A, A, p(), Dicts::dig);
            pair("chunk", "mustChunk", new GoType("[][]interface {}", Kind.SLICE, List.class), p(I, A),
                    a -> Lists.chunk(L(a.get(0)), a.get(1)));

            // ---- crypto ----
            f1("bcrypt", S, S, a -> Crypto.bcrypt(str(a)));
            f2("htpasswd", S, S, S, (a, b) -> Crypto.htpasswd(str(a), str(b)));
            f1("genPrivateKey", S, S, a -> Crypto.genPrivateKey(str(a)));
            fn("derivePassword", S, p(UINT32, S, S, S, S),
                    a -> Crypto.derivePassword(L(a.get(0)) & 0xFFFFFFFFL, str(a.get(1)), str(a.get(2)), str(a.get(3)), str(a.get(4))));
            f2("buildCustomCert", CERT, S, S, (a, b) -> Crypto.buildCustomCert(str(a), str(b)));
            f2("genCA", CERT, S, I, (a, b) -> Crypto.genCA(str(a), L(b), Crypto.rsa(2048).getPrivate()));
            f3("genCAWithKey", CERT, S, I, S, (a, b, c) -> Crypto.genCA(str(a), L(b), Crypto.parseKeyArg(str(c))));
            fn("genSelfSignedCert", CERT, p(S, SLICE, SLICE, I),
                    a -> Crypto.genSelfSigned(str(a.get(0)), a.get(1), a.get(2), L(a.get(3)), Crypto.rsa(2048).getPrivate()));
            fn("genSelfSignedCertWithKey", CERT, p(S, SLICE, SLICE, I, S),
                    a -> Crypto.genSelfSigned(str(a.get(0)), a.get(1), a.get(2), L(a.get(3)), Crypto.parseKeyArg(str(a.get(4)))));
            fn("genSignedCert", CERT, p(S, SLICE, SLICE, I, CERT),
                    a -> Crypto.genSigned(str(a.get(0)), a.get(1), a.get(2), L(a.get(3)), a.get(4), Crypto.rsa(2048).getPrivate()));
            fn("genSignedCertWithKey", CERT, p(S, SLICE, SLICE, I, CERT, S),
                    a -> Crypto.genSigned(str(a.get(0)), a.get(1), a.get(2), L(a.get(3)), a.get(4), Crypto.parseKeyArg(str(a.get(5)))));
            f2("encryptAES", S, S, S, (a, b) -> Crypto.encryptAES(str(a), str(b)));
            f2("decryptAES", S, S, S, (a, b) -> Crypto.decryptAES(str(a), str(b)));
            f1("randBytes", S, I, a -> Crypto.randBytes(L(a)));
            f0("uuidv4", S, Crypto::uuidv4);

            // ---- semver ----
            f1("semver", VERSION, S, a -> {
                try {
                    return SemverVersion.parse(str(a));
                } catch (SemverVersion.SemverError e) {
                    throw new SprigException(e.getMessage());
                }
            });
            f2("semverCompare", B, S, S, (a, b) -> {
                try {
                    Constraints c = Constraints.parse(str(a));
                    return c.check(SemverVersion.parse(str(b)));
                } catch (SemverVersion.SemverError e) {
                    throw new SprigException(e.getMessage());
                }
            });

            // ---- flow control ----
            f1("fail", S, S, a -> {
                throw new SprigException(str(a));
            });

            // ---- regex ----
            f2("regexMatch", B, S, S, (a, b) -> {
                try {
                    return Regex.match(str(a), str(b));
                } catch (SprigException e) {
                    return false;
                }
            });
            f2("mustRegexMatch", B, S, S, (a, b) -> Regex.match(str(a), str(b)));
            f3("regexFindAll", STRS, S, S, I, (a, b, c) -> Regex.findAll(Regex.mustCompile(str(a)), str(b), L(c)));
            f3("mustRegexFindAll", STRS, S, S, I, (a, b, c) -> Regex.findAll(Regex.compile(str(a)), str(b), L(c)));
            f2("regexFind", S, S, S, (a, b) -> Regex.find(Regex.mustCompile(str(a)), str(b)));
            f2("mustRegexFind", S, S, S, (a, b) -> Regex.find(Regex.compile(str(a)), str(b)));
            f3("regexReplaceAll", S, S, S, S, (a, b, c) -> Regex.replaceAll(Regex.mustCompile(str(a)), str(b), str(c), false));
            f3("mustRegexReplaceAll", S, S, S, S, (a, b, c) -> Regex.replaceAll(Regex.compile(str(a)), str(b), str(c), false));
            f3("regexReplaceAllLiteral", S, S, S, S, (a, b, c) -> Regex.replaceAll(Regex.mustCompile(str(a)), str(b), str(c), true));
            f3("mustRegexReplaceAllLiteral", S, S, S, S, (a, b, c) -> Regex.replaceAll(Regex.compile(str(a)), str(b), str(c), true));
            f3("regexSplit", STRS, S, S, I, (a, b, c) -> Regex.split(Regex.mustCompile(str(a)), str(b), L(c)));
            f3("mustRegexSplit", STRS, S, S, I, (a, b, c) -> Regex.split(Regex.compile(str(a)), str(b), L(c)));
            f1("regexQuoteMeta", S, S, a -> Regex.quoteMeta(str(a)));

            // ---- urls ----
            f1("urlParse", MAP, S, a -> Urls.urlParse(str(a)));
            f1("urlJoin", S, MAP, a -> Urls.urlJoin(map(a)));
        }

        private static String goReplace(String s, String old, String neu) {
            if (old.isEmpty()) {
                return goReplaceEmpty(s, neu);
            }
            return s.replace(old, neu);
        }

        /** strings.Replace with an empty old string: insert at the start and after each rune. */
        private static String goReplaceEmpty(String s, String neu) {
            StringBuilder sb = new StringBuilder(neu);
            for (int i = 0; i < s.length(); ) {
                int r = s.codePointAt(i);
                sb.appendCodePoint(r);
                sb.append(neu);
                i += Character.charCount(r);
            }
            return sb.toString();
        }
    }

    /** Every registered name (for coverage checks). */
    public static List<String> names() {
        return new ArrayList<>(registry().names());
    }

    static TemplateFunction unused() {
        return null;
    }
}
