package io.tcpfsm.model;

/** A named condition that the runtime evaluates on the connection, with its one-line meaning. */
public record Guard(String name, String meaning, SourcePos pos) {}
