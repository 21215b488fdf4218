package org.alliancesearch.model.misp;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON tree of one record straight from the parser's tokens as they arrive (the non-blocking parser hands a
 * record over in pieces), the same tree {@code readTree} would give, without first copying the tokens into a buffer.
 */
public final class JsonTreeBuilder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Deque<ContainerNode<?>> open = new ArrayDeque<>();
    private JsonNode root;
    private String field;

    /** Starts a tree with the parser's current token, which must start an object or array. */
    public JsonTreeBuilder(JsonParser parser, JsonToken start) throws IOException {
        add(parser, start);
    }

    /** Adds the parser's current token; true when it closed the tree. */
    public boolean add(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode node = NODES.objectNode();
                attach(node);
                open.push(node);
            }
            case START_ARRAY -> {
                ArrayNode node = NODES.arrayNode();
                attach(node);
                open.push(node);
            }
            case END_OBJECT, END_ARRAY -> {
                open.pop();
                return open.isEmpty();
            }
            case FIELD_NAME -> field = parser.currentName();
            case VALUE_STRING -> attach(NODES.textNode(parser.getText()));
            case VALUE_NUMBER_INT -> attach(switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            });
            case VALUE_NUMBER_FLOAT -> attach(NODES.numberNode(parser.getDoubleValue()));
            case VALUE_TRUE -> attach(NODES.booleanNode(true));
            case VALUE_FALSE -> attach(NODES.booleanNode(false));
            case VALUE_NULL -> attach(NODES.nullNode());
            default -> {
                // NOT_AVAILABLE and embedded objects do not occur inside a record of a JSON text
            }
        }
        return false;
    }

    public JsonNode tree() {
        return root;
    }

    private void attach(JsonNode node) {
        ContainerNode<?> parent = open.peek();
        if (parent == null) {
            root = node;
        } else if (parent instanceof ObjectNode object) {
            object.set(field, node);
        } else {
            ((ArrayNode) parent).add(node);
        }
    }
}
