package dev.switchboard.core.proto;

import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.List;

/**
 * Copies of Wire's parsed elements with some of their members replaced, for the rewrites made before a
 * link ({@link WireDialect}'s groups, {@link SettledFieldOptions}' options); everything else is kept.
 */
final class ProtoElements {
    private ProtoElements() {}

    static ProtoFileElement withTypes(ProtoFileElement file, List<TypeElement> types) {
        return file.copy(
                file.getLocation(),
                file.getPackageName(),
                file.getSyntax(),
                file.getImports(),
                file.getPublicImports(),
                file.getWeakImports(),
                types,
                file.getServices(),
                file.getExtendDeclarations(),
                file.getOptions());
    }

    static MessageElement withMembers(
            MessageElement message,
            List<TypeElement> nested,
            List<FieldElement> fields,
            List<OneOfElement> oneOfs,
            List<GroupElement> groups) {
        return message.copy(
                message.getLocation(),
                message.getName(),
                message.getDocumentation(),
                nested,
                message.getOptions(),
                message.getReserveds(),
                fields,
                oneOfs,
                message.getExtensions(),
                groups,
                message.getExtendDeclarations());
    }

    static FieldElement withOptions(FieldElement field, List<OptionElement> options) {
        return field.copy(
                field.getLocation(),
                field.getLabel(),
                field.getType(),
                field.getName(),
                field.getDefaultValue(),
                field.getJsonName(),
                field.getTag(),
                field.getDocumentation(),
                options);
    }

    static OneOfElement withFields(OneOfElement oneOf, List<FieldElement> fields, List<GroupElement> groups) {
        return oneOf.copy(
                oneOf.getName(), oneOf.getDocumentation(), fields, groups, oneOf.getOptions(), oneOf.getLocation());
    }
}
