package dev.charter.template.value;

/** A Go {@code complex128}; templates produce it from imaginary literals such as {@code 2i}. */
public record Complex(double re, double im) {}
