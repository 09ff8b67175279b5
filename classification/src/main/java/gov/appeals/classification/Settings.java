package gov.appeals.classification;

/**
 * How the model is trained; part of its version, so that a change here is a new model even on the same data.
 *
 * @param bigrams     also use the character bigrams of the Chinese text, which survive typos (带款 still shares 款…)
 *                    and words the segmenter splits wrongly
 * @param titleWeight how many times a title's word counts: titles say in a few words what the appeal is about
 * @param minDocs     a feature seen in fewer training appeals is ignored (it cannot generalise)
 * @param epochs      passes of stochastic gradient descent over the training set
 * @param rate        the initial learning rate, decaying with each pass
 * @param l2          the L2 penalty that keeps weights, and therefore confidences, moderate
 */
public record Settings(boolean bigrams, double titleWeight, int minDocs, int epochs, double rate, double l2) {

    public static final Settings DEFAULT = new Settings(true, 2.0, 2, 30, 0.5, 1e-4);

    String describe() {
        return "softmax(bigrams=" + bigrams + ",title=" + titleWeight + ",minDocs=" + minDocs + ",epochs=" + epochs
                + ",rate=" + rate + ",l2=" + l2 + ")";
    }
}
