package it.ricolloca.accounts;

/**
 * Who, among the people the regional provider signs in, is a worker Ricolloca may let in (ADR 0040): implemented
 * by the module of the worker's pages, which knows the register and the pathways, so that the accounts module
 * depends on neither.
 */
public interface WorkerSignIn {

    /** Why a person is let in or not. */
    enum Verdict {
        /** In the register, with a request or a pathway still open. */
        ADMITTED,
        /** Nobody with this codice fiscale in the register. */
        UNKNOWN,
        /** In the register, but the pathway is closed. */
        CLOSED
    }

    /** The answer for one codice fiscale: the verdict and, when admitted, the worker. */
    record Answer(Verdict verdict, WorkerPrincipal worker) {

        public static Answer admitted(WorkerPrincipal worker) {
            return new Answer(Verdict.ADMITTED, worker);
        }

        public static Answer refused(Verdict verdict) {
            return new Answer(verdict, null);
        }
    }

    /** Whether the person with this codice fiscale (upper case, without SPID's prefix) may sign in as a worker. */
    Answer check(String fiscalCode);
}
