package example.modularity.beta;

/** The published API of the module {@code beta}. */
public class Beta {

}
