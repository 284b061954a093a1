package fr.portailfamille.payfip.simulator;

/** When the simulator calls a payment's {@code urlnotif}, once the tester has decided on the payment page. */
public enum NotificationMode {
    /** once, and answered, before the browser is redirected (what PayFiP usually does) */
    BEFORE_REDIRECT("avant la redirection"),
    /** once, shortly after the browser has been redirected */
    AFTER_REDIRECT("après la redirection"),
    /** never: the platform must find the result by itself */
    NEVER("jamais"),
    /** several times at once (the simulator's repeat count), all before the redirect */
    REPEATED("plusieurs fois en même temps");

    private final String label;

    NotificationMode(String label) {
        this.label = label;
    }

    /** French label shown on the payment page. */
    public String label() {
        return label;
    }
}
