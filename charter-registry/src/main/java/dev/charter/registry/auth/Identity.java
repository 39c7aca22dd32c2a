package dev.charter.registry.auth;

/** Who is asking: nobody in particular, or a user who proved a password or holds a token. */
public sealed interface Identity permits Identity.Anonymous, Identity.User {

    Anonymous ANONYMOUS = new Anonymous();

    /** A name for access logs: the user, or {@code -}. */
    String logName();

    record Anonymous() implements Identity {
        @Override
        public String logName() {
            return "-";
        }
    }

    record User(String name) implements Identity {
        @Override
        public String logName() {
            return name;
        }
    }
}
