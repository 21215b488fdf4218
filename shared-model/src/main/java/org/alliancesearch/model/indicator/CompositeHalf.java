package org.alliancesearch.model.indicator;

/**
 * One half of a composite MISP value ({@code domain|ip}, {@code filename|sha256}, {@code ip-dst|port} …): the part
 * before the bar or the part after it.
 */
public enum CompositeHalf {
    /** Before the bar: the name of {@code domain|ip}, the IP of {@code ip-dst|port}, the file name of {@code filename|sha256}. */
    LEFT,
    /** After the bar: the IP of {@code domain|ip}, the port of {@code ip-dst|port}, the hash of {@code filename|sha256}. */
    RIGHT
}
