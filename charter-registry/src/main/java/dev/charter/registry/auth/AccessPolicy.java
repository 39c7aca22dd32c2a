package dev.charter.registry.auth;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which identity may do what. Rules are checked in order; the first rule matching the identity
 * and the repository decides its allowed actions. {@code user} is a user name, {@code *} (any
 * authenticated user) or {@code anonymous}; {@code repository} is a glob where {@code *}
 * matches within a path component and {@code **} across components.
 */
public final class AccessPolicy {

    public static final Set<String> ALL_ACTIONS = Set.of("pull", "push", "delete");

    /** One rule, e.g. {@code user: alice, repository: "charts/**", actions: [pull, push]}. */
    public record Rule(String user, String repository, Set<String> actions) {
        public Rule {
            actions = Set.copyOf(actions);
        }

        boolean matchesUser(Identity identity) {
            return switch (identity) {
                case Identity.Anonymous a -> user.equals("anonymous");
                case Identity.User u -> user.equals("*") || user.equals(u.name());
            };
        }

        boolean matchesRepository(String name) {
            return glob(repository).matcher(name).matches();
        }
    }

    private final List<Rule> rules;

    public AccessPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The default: every authenticated user may do everything; anonymous clients may pull
     * everything when {@code anonymousPull} is set and nothing otherwise.
     */
    public static AccessPolicy defaults(boolean anonymousPull) {
        return anonymousPull
                ? new AccessPolicy(List.of(new Rule("*", "**", ALL_ACTIONS), new Rule("anonymous", "**", Set.of("pull"))))
                : new AccessPolicy(List.of(new Rule("*", "**", ALL_ACTIONS)));
    }

    /** A policy with explicit rules, followed by the anonymous pull rule when asked for. */
    public static AccessPolicy of(List<Rule> rules, boolean anonymousPull) {
        if (rules.isEmpty()) {
            return defaults(anonymousPull);
        }
        List<Rule> all = new java.util.ArrayList<>(rules);
        if (anonymousPull) {
            all.add(new Rule("anonymous", "**", Set.of("pull")));
        }
        return new AccessPolicy(all);
    }

    public boolean permits(Identity identity, Access access) {
        if (access.type().equals("registry")) {
            // the catalog lists every repository: only for identities that may pull everything
            return access.name().equals("catalog") && actionsFor(identity, "**").contains("pull");
        }
        return access.type().equals("repository") && actionsFor(identity, access.name()).contains(access.action());
    }

    /** Whether this identity could do anything at all (decides 401 versus 403). */
    public boolean allowsAnything(Identity identity) {
        return rules.stream().anyMatch(rule -> rule.matchesUser(identity) && !rule.actions().isEmpty());
    }

    private Set<String> actionsFor(Identity identity, String repository) {
        for (Rule rule : rules) {
            if (rule.matchesUser(identity) && (rule.matchesRepository(repository) || rule.repository().equals(repository))) {
                return rule.actions().contains("*") ? ALL_ACTIONS : rule.actions();
            }
        }
        return Set.of();
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append("[^/]*");
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
