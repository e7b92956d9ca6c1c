package it.ricolloca.quality;

import java.util.Properties;
import org.pitest.mutationtest.ListenerArguments;
import org.pitest.mutationtest.MutationResultListener;
import org.pitest.mutationtest.MutationResultListenerFactory;

/**
 * PIT report plugin of the mutation profile (issue 23, docs/quality.md): at the end of the run it prints the
 * score of each rule class. Enabled by its name, {@code SCORES}, among the profile's {@code outputFormats};
 * compiled and packed by the profile alone, so PIT is never on the application's class path.
 */
public class MutationScoresListenerFactory implements MutationResultListenerFactory {

    @Override
    public MutationResultListener getListener(Properties props, ListenerArguments args) {
        return new MutationScoresListener(System.out);
    }

    @Override
    public String name() {
        return "SCORES";
    }

    @Override
    public String description() {
        return "Mutation score of each class (mutants, killed, survived, not reached) and of all of them";
    }
}
