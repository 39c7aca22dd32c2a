package dev.charter.template.exec;

/** Go's missingVal: "no final pipeline value was passed to this command". */
enum Missing {
    INSTANCE
}
