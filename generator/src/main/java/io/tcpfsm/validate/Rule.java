package io.tcpfsm.validate;

/** One check of the validator, named for the defect it finds; it reports every instance. */
interface Rule {
  void check(Context ctx);
}
