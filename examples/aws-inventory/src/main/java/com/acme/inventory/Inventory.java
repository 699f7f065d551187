package com.acme.inventory;

import com.acme.inventory.clients.ServiceClients;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/** What is stored where: every S3 bucket with its object count, every DynamoDB table with its item count. */
public final class Inventory {

    /**
     * One line of the inventory.
     *
     * @param service {@code s3} or {@code dynamodb}
     * @param name the bucket or table
     * @param count objects in the bucket, items in the table
     */
    public record Row(String service, String name, long count) {
        String unit() {
            return service.equals("s3") ? "objects" : "items";
        }
    }

    private static final Comparator<Row> ORDER =
            Comparator.comparing(Row::service, Comparator.reverseOrder()).thenComparing(Row::name);

    private Inventory() {}

    /** Lists through the factory's typed accessors; buckets first, then tables, each sorted by name. */
    public static List<Row> collect(ServiceClients clients) {
        List<Row> rows = new ArrayList<>();
        S3Client s3 = clients.s3();
        for (Bucket bucket : s3.listBuckets().buckets()) {
            // Counted page by page: one request per 1,000 objects.
            long objects = s3.listObjectsV2Paginator(b -> b.bucket(bucket.name())).stream()
                    .mapToLong(page -> page.contents().size())
                    .sum();
            rows.add(new Row("s3", bucket.name(), objects));
        }
        DynamoDbClient dynamodb = clients.dynamoDb();
        for (String table : dynamodb.listTablesPaginator().tableNames()) {
            // An exact count: DescribeTable's itemCount is refreshed only every few hours.
            long items = dynamodb.scanPaginator(b -> b.tableName(table).select(Select.COUNT)).stream()
                    .mapToLong(ScanResponse::count)
                    .sum();
            rows.add(new Row("dynamodb", table, items));
        }
        rows.sort(ORDER);
        return rows;
    }

    /** The rows as an aligned table with a total line: the same text for the same rows. */
    public static String render(List<Row> rows) {
        int width = Math.max(
                "name".length(), rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-9s %-" + width + "s %7s%n", "service", "name", "count"));
        for (Row row : rows) {
            out.append(String.format(
                    "%-9s %-" + width + "s %7d %s%n", row.service(), row.name(), row.count(), row.unit()));
        }
        List<Row> buckets = rows.stream().filter(r -> r.service().equals("s3")).toList();
        List<Row> tables = rows.stream().filter(r -> r.service().equals("dynamodb")).toList();
        out.append(String.format(
                "%d bucket(s) holding %d object(s), %d table(s) holding %d item(s)%n",
                buckets.size(),
                total(buckets),
                tables.size(),
                total(tables)));
        return out.toString();
    }

    private static long total(List<Row> rows) {
        return rows.stream().mapToLong(Row::count).sum();
    }
}
