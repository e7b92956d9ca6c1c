package it.ricolloca.accounts.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The address a request comes from, as counted against abuse. It is the servlet container's remote address,
 * which is the client's own only when a trusted reverse proxy says so ({@code server.forward-headers-strategy};
 * {@code X-Forwarded-For} from anyone else is ignored, ADR 0031). Anything that is not an IP literal counts as
 * one unknown source ({@code ?}), so no header can make up a key. IPv6 sources are limited per /64 network
 * ({@link #network}): one subscriber holds a whole /64, and a limit per address would be a limit on nothing.
 */
final class SourceAddress {

    static final String UNKNOWN = "?";
    private static final Pattern LITERAL = Pattern.compile("[0-9a-f.:]{2,45}");

    private SourceAddress() {
    }

    /** The address, lower case, without an IPv6 zone; {@code ?} when it is not an IP literal. */
    static String clean(String address) {
        if (address == null) {
            return UNKNOWN;
        }
        String s = address.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        return LITERAL.matcher(s).matches() ? s : UNKNOWN;
    }

    /**
     * The network a per-source limit counts: an IPv4 address itself, an IPv6 address's /64 written as its first
     * four groups and {@code ::/64}. Parsing an IPv6 literal never asks a name server.
     */
    static String network(String address) {
        String s = clean(address);
        if (s.indexOf(':') < 0) {
            return s;
        }
        try {
            byte[] bytes = InetAddress.getByName(s).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                out.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return out.append(":/64").toString();
        } catch (UnknownHostException e) {
            return UNKNOWN;
        }
    }
}
