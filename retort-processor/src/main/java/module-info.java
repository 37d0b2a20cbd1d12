/**
 * Retort Processor: the annotation processor that writes the typed metamodel class ({@code User_}) of every
 * {@code @Entity} class. It runs inside javac and depends on nothing but the JDK's {@code java.compiler} module.
 */
module org.retort.processor {
    requires java.compiler;

    provides javax.annotation.processing.Processor with org.retort.processor.MetamodelProcessor;
}
