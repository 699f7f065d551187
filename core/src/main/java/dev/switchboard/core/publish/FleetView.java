package dev.switchboard.core.publish;

import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.inspect.Table;
import dev.switchboard.core.inspect.Views;
import dev.switchboard.zookeeper.InstanceInfo;
import java.util.List;
import java.util.stream.Collectors;

/** The fleet as a table for a terminal, or as JSON or YAML for tools. */
public final class FleetView {
    private FleetView() {}

    public static String render(FleetListing listing, Format format) {
        if (format != Format.TABLE) {
            return Views.structured(listing, format);
        }
        Table table = new Table(
                "",
                "VERSION",
                "FINGERPRINT",
                "PUBLISHED",
                "BY",
                "SERVICES",
                "ADDED",
                "REMOVED",
                "CHANGED",
                "INSTANCES");
        for (FleetListing.Version v : listing.versions()) {
            table.row(
                    v.inForce() ? "*" : "",
                    v.info().version(),
                    shortened(v.info().fingerprint()),
                    v.info().time(),
                    v.info().publisher(),
                    v.info().services(),
                    v.info().added().size(),
                    v.info().removed().size(),
                    v.info().changed().size(),
                    instances(v.instances()));
        }
        if (!listing.unpublished().isEmpty()) {
            table.row("", "-", "(file or bundled)", "", "", "", "", "", "", instances(listing.unpublished()));
        }
        String header = listing.location() + ": "
                + (listing.current() == 0 ? "nothing published yet" : "version " + listing.current() + " in force (*)")
                + "\n";
        return header + table.render();
    }

    private static String instances(List<InstanceInfo> instances) {
        if (instances.isEmpty()) {
            return "0";
        }
        return instances.size() + ": "
                + instances.stream().map(i -> i.instance()).collect(Collectors.joining(", "));
    }

    private static String shortened(String fingerprint) {
        return fingerprint == null ? "-" : fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }
}
