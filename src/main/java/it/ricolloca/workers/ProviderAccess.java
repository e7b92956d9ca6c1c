package it.ricolloca.workers;

import it.ricolloca.accounts.CurrentUser;

/**
 * Lets the CPI that provides a worker's service read that worker's case though another CPI is competent
 * (the seed: the register is "reso accessibile ai centri per l'impiego erogatori"). The module that keeps
 * the pathways implements it; the register and the requests ask it before answering 404.
 */
public interface ProviderAccess {

    /** Whether the user is case staff of the CPI that holds the worker's pathway. */
    boolean holds(CurrentUser user, long workerId);
}
