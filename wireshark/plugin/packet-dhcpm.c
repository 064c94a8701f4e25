/*
 * packet-dhcpm.c — a Wireshark plugin for the DHCP Server Management
 * Protocol's R_DhcpV4FailoverGetClientInfo (dhcpsrv2 opnum 98), built on
 * dhcpm's C API (include/dhcpm/dhcpm.h).
 *
 * Responses are handed to dhcpm_dissect() in "response" framing (the [out]
 * unique pointer, the DHCPV4_FAILOVER_CLIENT_INFO, the DWORD return value) and
 * every region it names becomes a tree item over exactly its bytes: fields as
 * typed, filterable items (dhcpm.ClientName, dhcpm.OwnerHost.HostName, ...),
 * and NDR's own bytes (referent ids, counts, padding) as items of their own.
 * When dhcpm stops at a problem, the items up to it stay and an expert item
 * carries dhcpm's error code, field path and offset.
 *
 * Requests are small and fixed (a server name and a DHCP_SEARCH_INFO), so
 * they are read here directly; they show the search key.
 *
 * The transfer syntax comes from the DCE/RPC dissector: NDR64 when the bind
 * negotiated it, otherwise NDR 2.0 in the byte order of the PDU's drep.
 */
#define WS_BUILD_DLL
#include <wireshark.h>

#include <epan/expert.h>
#include <epan/packet.h>
#include <epan/proto.h>
#include <epan/dissectors/packet-dcerpc.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "dhcpm/dhcpm.h"

#ifndef DHCPM_WS_PLUGIN_VERSION
#define DHCPM_WS_PLUGIN_VERSION DHCPM_VERSION_STRING
#endif

WS_DLL_PUBLIC_DEF const gchar plugin_version[] = DHCPM_WS_PLUGIN_VERSION;
WS_DLL_PUBLIC_DEF const int plugin_want_major = WIRESHARK_VERSION_MAJOR;
WS_DLL_PUBLIC_DEF const int plugin_want_minor = WIRESHARK_VERSION_MINOR;
WS_DLL_PUBLIC void plugin_register(void);

#define DHCPM_OPNUM_GET_CLIENT_INFO 98

static int proto_dhcpm = -1;
static int hf_dhcpm_opnum = -1;
static int hf_dhcpm_referent_id = -1;
static int hf_dhcpm_max_count = -1;
static int hf_dhcpm_string_offset = -1;
static int hf_dhcpm_actual_count = -1;
static int hf_dhcpm_padding = -1;
static int hf_dhcpm_trailing = -1;
static int hf_dhcpm_other = -1;
static int hf_dhcpm_layout = -1;
static int hf_dhcpm_client_info = -1;
static int hf_dhcpm_hardware_address = -1;
static int hf_dhcpm_owner_host = -1;
static int hf_dhcpm_search_info = -1;
static int hf_dhcpm_server_pointer = -1;
static int hf_dhcpm_return_value = -1;
static int hf_dhcpm_error = -1;
static int hf_dhcpm_error_path = -1;
static int hf_dhcpm_error_offset = -1;
static int hf_dhcpm_server_ip_address = -1;
static int hf_dhcpm_search_type = -1;
static int hf_dhcpm_search_discriminant = -1;
static int hf_dhcpm_search_ip = -1;
static int hf_dhcpm_search_uid_length = -1;
static int hf_dhcpm_search_uid = -1;
static int hf_dhcpm_search_name = -1;

static gint ett_dhcpm = -1;
static gint ett_dhcpm_client_info = -1;
static gint ett_dhcpm_hardware_address = -1;
static gint ett_dhcpm_owner_host = -1;
static gint ett_dhcpm_search_info = -1;
static gint ett_dhcpm_server = -1;

static expert_field ei_dhcpm_malformed = EI_INIT;
static expert_field ei_dhcpm_internal = EI_INIT;

/* How a record field's bytes are shown. */
typedef enum field_shape {
  SHAPE_IPV4,     /* a DWORD address, most significant byte first when dotted */
  SHAPE_UINT,     /* 1, 2 or 4 bytes (Status is 2 in NDR 2.0, 4 in NDR64) */
  SHAPE_FILETIME, /* dwLowDateTime then dwHighDateTime */
  SHAPE_STRING,   /* the units of an LPWSTR */
  SHAPE_BYTES     /* ClientHardwareAddress.Data */
} field_shape;

/* One filterable field per member of the record, built from the schema that
 * dhcpm exports (dhcpm_field_info): the field's path in the record is the
 * filter name after "dhcpm.". A DHCP_BINARY_DATA gives two, its DataLength
 * and its Data; a structure none (its members have theirs). A region names
 * its field by index (dhcpm_region.field), so no path is parsed here. */
typedef struct record_field {
  const char* path;
  field_shape shape;
  int hf;
  int c_field; /* the field's dhcpm_field / dhcpm_string_field */
} record_field;

static record_field* record_fields = NULL;
static size_t record_field_count = 0;

/* Per schema field (dhcpm_field_info index): its first entry in
 * record_fields[] (-1 for a structure), its kind, and its enclosing structure. */
typedef struct schema_field {
  int entry;
  dhcpm_field_kind kind;
  int parent;
} schema_field;

static schema_field* schema_fields = NULL;
static size_t schema_field_count = 0;

static void add_record_field_entry(const char* path, field_shape shape, int c_field) {
  record_fields[record_field_count].path = path;
  record_fields[record_field_count].shape = shape;
  record_fields[record_field_count].hf = -1;
  record_fields[record_field_count].c_field = c_field;
  ++record_field_count;
}

/* Fills record_fields[] and schema_fields[] from the schema. */
static void build_record_fields(void) {
  const size_t count = dhcpm_field_count(DHCPM_TYPE_CLIENT);
  record_fields = g_new0(record_field, 2 * count); /* at most two entries a field */
  schema_fields = g_new0(schema_field, count);
  schema_field_count = count;
  for (size_t i = 0; i < count; ++i) {
    dhcpm_field_desc desc;
    schema_fields[i].entry = -1;
    if (dhcpm_field_info(DHCPM_TYPE_CLIENT, i, &desc) != DHCPM_OK) continue;
    schema_fields[i].kind = desc.kind;
    schema_fields[i].parent = desc.parent;
    if (desc.kind != DHCPM_KIND_STRUCTURE && desc.kind != DHCPM_KIND_POINTER_ARRAY && desc.kind != DHCPM_KIND_UNION) {
      schema_fields[i].entry = (int)record_field_count;
    }
    switch (desc.kind) {
      case DHCPM_KIND_STRUCTURE:
      case DHCPM_KIND_POINTER_ARRAY:
      case DHCPM_KIND_STRUCT_ARRAY:
      case DHCPM_KIND_STRUCT_POINTER:
      case DHCPM_KIND_UNION: break;
      case DHCPM_KIND_IPV4: add_record_field_entry(desc.path, SHAPE_IPV4, desc.c_field); break;
      case DHCPM_KIND_FILETIME: add_record_field_entry(desc.path, SHAPE_FILETIME, desc.c_field); break;
      case DHCPM_KIND_LPWSTR: add_record_field_entry(desc.path, SHAPE_STRING, desc.c_field); break;
      case DHCPM_KIND_BINARY_DATA:
        add_record_field_entry(g_strconcat(desc.path, ".DataLength", NULL), SHAPE_UINT, desc.c_field);
        add_record_field_entry(g_strconcat(desc.path, ".Data", NULL), SHAPE_BYTES, -1);
        break;
      case DHCPM_KIND_U8:
      case DHCPM_KIND_U16:
      case DHCPM_KIND_ENUM16:
      case DHCPM_KIND_U32: add_record_field_entry(desc.path, SHAPE_UINT, desc.c_field); break;
    }
  }
}

/* The schema field of a region inside a record, or NULL. */
static const schema_field* schema_field_of(const dhcpm_region* region) {
  if (region->table != DHCPM_TYPE_CLIENT || region->field < 0 || (size_t)region->field >= schema_field_count)
    return NULL;
  return &schema_fields[region->field];
}

/* The filterable entry a region's bytes fill: its field's, or for the bytes of
 * a DHCP_BINARY_DATA the Data entry after its DataLength. */
static const record_field* record_field_of(const dhcpm_region* region) {
  const schema_field* field = schema_field_of(region);
  if (field == NULL || field->entry < 0) return NULL;
  if (field->kind == DHCPM_KIND_BINARY_DATA && region->kind == DHCPM_REGION_DATA_BYTES)
    return &record_fields[field->entry + 1];
  return &record_fields[field->entry];
}

static const value_string search_type_names[] = {
    {0, "DhcpClientIpAddress"},
    {1, "DhcpClientHardwareAddress"},
    {2, "DhcpClientName"},
    {0, NULL},
};

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

static guint64 read_uint(tvbuff_t* tvb, gint offset, gint length, guint encoding) {
  switch (length) {
    case 1: return tvb_get_guint8(tvb, offset);
    case 2: return tvb_get_guint16(tvb, offset, encoding);
    case 4: return tvb_get_guint32(tvb, offset, encoding);
    case 8: return tvb_get_guint64(tvb, offset, encoding);
    default: return 0;
  }
}

/* dhcpm writes strings JSON-quoted; this gives their UTF-8 back. An escape
 * that is not well-formed UTF-16 (an unpaired surrogate) becomes U+FFFD. Text
 * that is not a JSON string (a {"utf16": [...]} form) is returned as is. */
static char* unquote_json_string(wmem_allocator_t* pool, const char* text) {
  size_t n = strlen(text);
  if (n < 2 || text[0] != '"' || text[n - 1] != '"') return wmem_strdup(pool, text);
  wmem_strbuf_t* out = wmem_strbuf_sized_new(pool, n, 0);
  for (size_t i = 1; i + 1 < n; ++i) {
    char c = text[i];
    if (c != '\\') {
      wmem_strbuf_append_c(out, c);
      continue;
    }
    if (i + 2 >= n) break;
    c = text[++i];
    switch (c) {
      case 'b': wmem_strbuf_append_c(out, '\b'); break;
      case 'f': wmem_strbuf_append_c(out, '\f'); break;
      case 'n': wmem_strbuf_append_c(out, '\n'); break;
      case 'r': wmem_strbuf_append_c(out, '\r'); break;
      case 't': wmem_strbuf_append_c(out, '\t'); break;
      case 'u': {
        char hex[5] = {0};
        if (i + 4 >= n) break;
        memcpy(hex, text + i + 1, 4);
        i += 4;
        gunichar unit = (gunichar)strtoul(hex, NULL, 16);
        if (unit >= 0xd800 && unit <= 0xdbff && i + 6 < n && text[i + 1] == '\\' && text[i + 2] == 'u') {
          memcpy(hex, text + i + 3, 4);
          gunichar low = (gunichar)strtoul(hex, NULL, 16);
          if (low >= 0xdc00 && low <= 0xdfff) {
            unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
            i += 6;
          }
        }
        if (unit >= 0xd800 && unit <= 0xdfff) unit = 0xfffd;
        wmem_strbuf_append_unichar(out, unit);
        break;
      }
      default: wmem_strbuf_append_c(out, c); break; /* \" \\ \/ */
    }
  }
  return wmem_strbuf_finalize(out);
}

/* ------------------------------------------------------------------------ */
/* Responses: dhcpm's regions as tree items                                  */
/* ------------------------------------------------------------------------ */

typedef struct region_context {
  tvbuff_t* tvb;
  packet_info* pinfo;
  proto_tree* tree;  /* the dhcpm tree of this PDU */
  gint base;         /* where the stub starts in tvb */
  guint encoding;    /* ENC_LITTLE_ENDIAN / ENC_BIG_ENDIAN */
  /* Subtrees made on first use and stretched to each later region. */
  proto_item* client_item;
  proto_tree* client_tree;
  proto_item* hardware_item;
  proto_tree* hardware_tree;
  proto_item* owner_item;
  proto_tree* owner_tree;
  const char* client_name; /* for the Info column */
  guint32 return_value;
  gboolean have_return_value;
} region_context;

static proto_tree* group_tree(region_context* ctx, proto_item** item, proto_tree** tree, proto_tree* parent,
                              int hf, gint ett, gint offset, gint end) {
  if (*tree == NULL) {
    *item = proto_tree_add_item(parent, hf, ctx->tvb, offset, end - offset, ENC_NA);
    *tree = proto_item_add_subtree(*item, ett);
  } else {
    proto_item_set_end(*item, ctx->tvb, end);
  }
  return *tree;
}

/* The subtree a region belongs to: the response's ClientInfo record, and in
 * it the structure or DHCP_BINARY_DATA its field is part of. */
static proto_tree* tree_for(region_context* ctx, const dhcpm_region* region, gint offset, gint end) {
  if (strcmp(region->parameter, "ClientInfo") != 0) return ctx->tree;
  proto_tree* client = group_tree(ctx, &ctx->client_item, &ctx->client_tree, ctx->tree, hf_dhcpm_client_info,
                                  ett_dhcpm_client_info, offset, end);
  const schema_field* field = schema_field_of(region);
  if (field == NULL) return client;
  if (field->kind == DHCPM_KIND_BINARY_DATA)
    return group_tree(ctx, &ctx->hardware_item, &ctx->hardware_tree, client, hf_dhcpm_hardware_address,
                      ett_dhcpm_hardware_address, offset, end);
  if (field->parent >= 0)
    return group_tree(ctx, &ctx->owner_item, &ctx->owner_tree, client, hf_dhcpm_owner_host,
                      ett_dhcpm_owner_host, offset, end);
  return client;
}

static void add_record_field(region_context* ctx, proto_tree* tree, const record_field* field,
                             const dhcpm_region* region, gint offset, gint length) {
  tvbuff_t* tvb = ctx->tvb;
  switch (field->shape) {
    case SHAPE_IPV4: {
      guint32 address = (guint32)read_uint(tvb, offset, length, ctx->encoding);
      proto_tree_add_ipv4(tree, field->hf, tvb, offset, length, g_htonl(address));
      break;
    }
    case SHAPE_UINT: {
      /* dhcpm's text names what the number means ("1 (dhcp)", "0x00"). */
      guint32 value = (guint32)read_uint(tvb, offset, length, ctx->encoding);
      proto_tree_add_uint_format_value(tree, field->hf, tvb, offset, length, value, "%s", region->value);
      break;
    }
    case SHAPE_FILETIME: {
      guint64 low = tvb_get_guint32(tvb, offset, ctx->encoding);
      guint64 high = tvb_get_guint32(tvb, offset + 4, ctx->encoding);
      guint64 value = high << 32 | low;
      proto_tree_add_uint64_format_value(tree, field->hf, tvb, offset, length, value, "%s (%" PRIu64 ")",
                                         region->value, value);
      break;
    }
    case SHAPE_STRING: {
      char* text = unquote_json_string(ctx->pinfo->pool, region->value);
      proto_tree_add_string(tree, field->hf, tvb, offset, length, text);
      if (field->c_field == DHCPM_STRING_CLIENT_NAME) ctx->client_name = text;
      break;
    }
    case SHAPE_BYTES: proto_tree_add_item(tree, field->hf, tvb, offset, length, ENC_NA); break;
  }
}

static int on_region(const dhcpm_region* region, void* user_data) {
  region_context* ctx = (region_context*)user_data;
  tvbuff_t* tvb = ctx->tvb;
  if (region->offset > G_MAXINT || region->length > G_MAXINT) return 1;
  const gint offset = ctx->base + (gint)region->offset;
  const gint length = (gint)region->length;
  proto_tree* tree = tree_for(ctx, region, offset, offset + length);
  const record_field* field = record_field_of(region);

  switch (region->kind) {
    case DHCPM_REGION_FIELD:
    case DHCPM_REGION_STRING_UNITS:
    case DHCPM_REGION_DATA_BYTES:
      if (field != NULL) {
        add_record_field(ctx, tree, field, region, offset, length);
        return 0;
      }
      break;
    case DHCPM_REGION_RETURN_VALUE:
      ctx->return_value = tvb_get_guint32(tvb, offset, ctx->encoding);
      ctx->have_return_value = TRUE;
      proto_tree_add_uint(tree, hf_dhcpm_return_value, tvb, offset, length, ctx->return_value);
      return 0;
    case DHCPM_REGION_REFERENT_ID:
    case DHCPM_REGION_MAX_COUNT:
    case DHCPM_REGION_STRING_OFFSET:
    case DHCPM_REGION_ACTUAL_COUNT: {
      int hf = region->kind == DHCPM_REGION_REFERENT_ID   ? hf_dhcpm_referent_id
               : region->kind == DHCPM_REGION_MAX_COUNT   ? hf_dhcpm_max_count
               : region->kind == DHCPM_REGION_STRING_OFFSET ? hf_dhcpm_string_offset
                                                            : hf_dhcpm_actual_count;
      guint64 value = read_uint(tvb, offset, length, ctx->encoding);
      proto_tree_add_uint64_format(tree, hf, tvb, offset, length, value, "%s %s: %s",
                                   region->path[0] != '\0' ? region->path : "(value)",
                                   dhcpm_region_kind_name(region->kind), region->value);
      return 0;
    }
    case DHCPM_REGION_PADDING:
      proto_tree_add_bytes_format(tree, hf_dhcpm_padding, tvb, offset, length, NULL, "Padding (%d byte%s)",
                                  length, length == 1 ? "" : "s");
      return 0;
    case DHCPM_REGION_TRAILING:
      proto_tree_add_item(tree, hf_dhcpm_trailing, tvb, offset, length, ENC_NA);
      return 0;
    default: break;
  }
  /* A region this plugin has no field for: shown, not lost. */
  proto_tree_add_string_format(tree, hf_dhcpm_other, tvb, offset, length, region->value, "%s %s: %s", region->path,
                               dhcpm_region_kind_name(region->kind), region->value);
  return 0;
}

static dhcpm_layout layout_of(dcerpc_info* di, const guint8* drep) {
  if (di->call_data != NULL && (di->call_data->flags & DCERPC_IS_NDR64) != 0) return DHCPM_LAYOUT_NDR64;
  return (drep[0] & DREP_LITTLE_ENDIAN) != 0 ? DHCPM_LAYOUT_NDR20 : DHCPM_LAYOUT_NDR20BE;
}

static int dissect_get_client_info_response(tvbuff_t* tvb, int offset, packet_info* pinfo, proto_tree* tree,
                                            dcerpc_info* di, guint8* drep) {
  const gint size = tvb_captured_length_remaining(tvb, offset);
  if (size <= 0) return offset;
  const guint8* stub = tvb_get_ptr(tvb, offset, size);

  dhcpm_format format;
  dhcpm_format_init(&format, layout_of(di, drep), DHCPM_TYPE_CLIENT);
  format.framing = DHCPM_FRAMING_RESPONSE;
  dhcpm_decode_options options;
  dhcpm_decode_options_init(&options);

  region_context ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.tvb = tvb;
  ctx.pinfo = pinfo;
  ctx.tree = tree;
  ctx.base = offset;
  ctx.encoding = format.layout == DHCPM_LAYOUT_NDR20BE ? ENC_BIG_ENDIAN : ENC_LITTLE_ENDIAN;

  proto_item* layout_item =
      proto_tree_add_string(tree, hf_dhcpm_layout, tvb, offset, 0, dhcpm_layout_name(format.layout));
  proto_item_set_generated(layout_item);

  dhcpm_dissect_summary summary;
  dhcpm_error error;
  const dhcpm_status status =
      dhcpm_dissect(stub, (size_t)size, &format, &options, on_region, &ctx, &summary, &error);

  if (status != DHCPM_OK) {
    const gint at = error.offset < (guint64)size ? (gint)error.offset : size;
    proto_item* item = proto_tree_add_string(tree, hf_dhcpm_error, tvb, offset + at, size - at,
                                             dhcpm_status_name(status));
    proto_tree* error_tree = proto_item_add_subtree(item, ett_dhcpm);
    proto_tree_add_string(error_tree, hf_dhcpm_error_path, tvb, offset + at, size - at, error.path);
    proto_tree_add_uint64(error_tree, hf_dhcpm_error_offset, tvb, offset + at, size - at, error.offset);
    expert_add_info_format(pinfo, item, status == DHCPM_ERR_INTERNAL ? &ei_dhcpm_internal : &ei_dhcpm_malformed,
                           "dhcpm: %s at stub offset %" PRIu64 ": %s: %s", dhcpm_status_name(status),
                           error.offset, error.path[0] != '\0' ? error.path : "(value)", error.message);
    col_append_fstr(pinfo->cinfo, COL_INFO, " [dhcpm: %s]", dhcpm_status_name(status));
  } else {
    if (ctx.client_name != NULL) col_append_fstr(pinfo->cinfo, COL_INFO, " ClientName=%s", ctx.client_name);
    if (ctx.have_return_value) col_append_fstr(pinfo->cinfo, COL_INFO, " ReturnValue=%u", ctx.return_value);
  }
  /* The whole stub was looked at: what dhcpm did not consume is in the error. */
  return offset + size;
}

/* ------------------------------------------------------------------------ */
/* Requests: ServerIpAddress and the DHCP_SEARCH_INFO                        */
/* ------------------------------------------------------------------------ */

/* Request stubs are read with NDR's alignment relative to the stub start. */
typedef struct ndr_cursor {
  tvbuff_t* tvb;
  gint base;
  gint offset;
  guint encoding;
  gboolean ndr64;
} ndr_cursor;

static void ndr_align(ndr_cursor* c, gint n) {
  gint rel = c->offset - c->base;
  if (rel % n != 0) c->offset += n - rel % n;
}

/* A 4-byte (NDR 2.0) or 8-byte (NDR64) referent id or count. */
static guint64 ndr_wide(ndr_cursor* c, proto_tree* tree, int hf, const char* label) {
  const gint width = c->ndr64 ? 8 : 4;
  ndr_align(c, width);
  guint64 value = read_uint(c->tvb, c->offset, width, c->encoding);
  proto_tree_add_uint64_format(tree, hf, c->tvb, c->offset, width, value, "%s: %" PRIu64 " (0x%" PRIx64 ")", label,
                               value, value);
  c->offset += width;
  return value;
}

/* A [string] LPWSTR's pointee: max_count, offset, actual_count, units. */
static const char* ndr_string(ndr_cursor* c, proto_tree* tree, int hf, const char* name, packet_info* pinfo) {
  ndr_wide(c, tree, hf_dhcpm_max_count, wmem_strdup_printf(pinfo->pool, "%s max-count", name));
  ndr_wide(c, tree, hf_dhcpm_string_offset, wmem_strdup_printf(pinfo->pool, "%s string-offset", name));
  guint64 actual = ndr_wide(c, tree, hf_dhcpm_actual_count, wmem_strdup_printf(pinfo->pool, "%s actual-count", name));
  const gint remaining = tvb_reported_length_remaining(c->tvb, c->offset);
  const gint bytes = actual * 2 > (guint64)remaining ? remaining : (gint)(actual * 2);
  /* The terminator is part of the units on the wire, not of the text. */
  const gint text_bytes = bytes >= 2 ? bytes - 2 : 0;
  const char* text =
      (const char*)tvb_get_string_enc(pinfo->pool, c->tvb, c->offset, text_bytes, ENC_UTF_16 | c->encoding);
  proto_tree_add_string(tree, hf, c->tvb, c->offset, bytes, text);
  c->offset += bytes;
  return text;
}

static int dissect_get_client_info_request(tvbuff_t* tvb, int offset, packet_info* pinfo, proto_tree* tree,
                                           dcerpc_info* di, guint8* drep) {
  ndr_cursor c = {tvb, offset, offset, DREP_ENC_INTEGER(drep), FALSE};
  c.ndr64 = layout_of(di, drep) == DHCPM_LAYOUT_NDR64;

  /* [in, unique, string] DHCP_SRV_HANDLE ServerIpAddress */
  proto_item* server_item = proto_tree_add_item(tree, hf_dhcpm_server_pointer, tvb, c.offset, 0, ENC_NA);
  proto_tree* server_tree = proto_item_add_subtree(server_item, ett_dhcpm_server);
  if (ndr_wide(&c, server_tree, hf_dhcpm_referent_id, "ServerIpAddress referent-id") != 0)
    proto_item_append_text(server_item, ": %s",
                           ndr_string(&c, server_tree, hf_dhcpm_server_ip_address, "ServerIpAddress", pinfo));
  else
    proto_item_append_text(server_item, ": NULL");
  proto_item_set_end(server_item, tvb, c.offset);

  /* [in, ref] LPDHCP_SEARCH_INFO SearchInfo: a [ref] pointer has no bytes.
   * SearchType (an enum: 2 bytes in NDR 2.0, 4 in NDR64), then the
   * non-encapsulated union: its discriminant and the arm. */
  ndr_align(&c, c.ndr64 ? 8 : 4);
  proto_item* search_item = proto_tree_add_item(tree, hf_dhcpm_search_info, tvb, c.offset, 0, ENC_NA);
  proto_tree* search_tree = proto_item_add_subtree(search_item, ett_dhcpm_search_info);
  const gint enum_width = c.ndr64 ? 4 : 2;
  guint32 search_type = (guint32)read_uint(tvb, c.offset, enum_width, c.encoding);
  proto_tree_add_uint(search_tree, hf_dhcpm_search_type, tvb, c.offset, enum_width, search_type);
  c.offset += enum_width;
  ndr_align(&c, c.ndr64 ? 8 : enum_width);
  guint32 discriminant = (guint32)read_uint(tvb, c.offset, enum_width, c.encoding);
  proto_tree_add_uint(search_tree, hf_dhcpm_search_discriminant, tvb, c.offset, enum_width, discriminant);
  c.offset += enum_width;
  proto_item_append_text(search_item, ": %s", val_to_str(discriminant, search_type_names, "unknown (%u)"));

  switch (discriminant) {
    case 0: { /* DHCP_IP_ADDRESS ClientIpAddress */
      ndr_align(&c, 4);
      guint32 address = tvb_get_guint32(tvb, c.offset, c.encoding);
      proto_tree_add_ipv4(search_tree, hf_dhcpm_search_ip, tvb, c.offset, 4, g_htonl(address));
      c.offset += 4;
      char dotted[16];
      snprintf(dotted, sizeof dotted, "%u.%u.%u.%u", address >> 24, address >> 16 & 0xff, address >> 8 & 0xff,
               address & 0xff);
      proto_item_append_text(search_item, " %s", dotted);
      col_append_fstr(pinfo->cinfo, COL_INFO, " ClientIpAddress=%s", dotted);
      break;
    }
    case 1: { /* DHCP_CLIENT_UID ClientHardwareAddress: DataLength, [size_is] BYTE* Data */
      ndr_align(&c, c.ndr64 ? 8 : 4);
      guint32 length = tvb_get_guint32(tvb, c.offset, c.encoding);
      proto_tree_add_uint(search_tree, hf_dhcpm_search_uid_length, tvb, c.offset, 4, length);
      c.offset += 4;
      if (ndr_wide(&c, search_tree, hf_dhcpm_referent_id, "ClientHardwareAddress.Data referent-id") != 0) {
        guint64 count = ndr_wide(&c, search_tree, hf_dhcpm_max_count, "ClientHardwareAddress.Data max-count");
        const gint remaining = tvb_reported_length_remaining(tvb, c.offset);
        const gint bytes = count > (guint64)remaining ? remaining : (gint)count;
        proto_tree_add_item(search_tree, hf_dhcpm_search_uid, tvb, c.offset, bytes, ENC_NA);
        c.offset += bytes;
      }
      break;
    }
    case 2: /* [string] LPWSTR ClientName */
      if (ndr_wide(&c, search_tree, hf_dhcpm_referent_id, "ClientName referent-id") != 0) {
        const char* name = ndr_string(&c, search_tree, hf_dhcpm_search_name, "ClientName", pinfo);
        proto_item_append_text(search_item, " %s", name);
        col_append_fstr(pinfo->cinfo, COL_INFO, " ClientName=%s", name);
      }
      break;
    default: break;
  }
  proto_item_set_end(search_item, tvb, c.offset);
  return c.offset;
}

/* ------------------------------------------------------------------------ */
/* Registration                                                              */
/* ------------------------------------------------------------------------ */

static dcerpc_sub_dissector dhcpsrv2_operations[] = {
    {DHCPM_OPNUM_GET_CLIENT_INFO, "R_DhcpV4FailoverGetClientInfo", dissect_get_client_info_request,
     dissect_get_client_info_response},
    {0, NULL, NULL, NULL},
};

/* dhcpsrv2 5b821720-f63b-11d0-aad2-00c04fc324db version 1.0 */
static e_guid_t uuid_dhcpsrv2 = {0x5b821720, 0xf63b, 0x11d0, {0xaa, 0xd2, 0x00, 0xc0, 0x4f, 0xc3, 0x24, 0xdb}};
static guint16 ver_dhcpsrv2 = 1;

static void proto_register_dhcpm(void) {
  /* The record fields' hf entries are built from the schema (record_fields[]). */
  build_record_fields();
  hf_register_info* record_hf = g_new0(hf_register_info, record_field_count);
  for (size_t i = 0; i < record_field_count; ++i) {
    record_field* f = &record_fields[i];
    enum ftenum type = FT_UINT32;
    int display = BASE_DEC;
    switch (f->shape) {
      case SHAPE_IPV4: type = FT_IPv4; display = BASE_NONE; break;
      case SHAPE_UINT: type = FT_UINT32; display = BASE_DEC; break;
      case SHAPE_FILETIME: type = FT_UINT64; display = BASE_DEC; break;
      case SHAPE_STRING: type = FT_STRING; display = BASE_NONE; break;
      case SHAPE_BYTES: type = FT_BYTES; display = BASE_NONE; break;
    }
    hf_register_info entry = {&f->hf,
                              {f->path, g_strconcat("dhcpm.", f->path, NULL), type, display, NULL, 0x0,
                               "DHCPV4_FAILOVER_CLIENT_INFO member (dhcpm path without ClientInfo.)", HFILL}};
    record_hf[i] = entry;
  }

  static hf_register_info hf[] = {
      {&hf_dhcpm_opnum, {"Operation", "dhcpm.opnum", FT_UINT16, BASE_DEC, NULL, 0x0, NULL, HFILL}},
      {&hf_dhcpm_referent_id,
       {"Referent id", "dhcpm.referent_id", FT_UINT64, BASE_HEX, NULL, 0x0, "NDR unique pointer (0 = NULL)", HFILL}},
      {&hf_dhcpm_max_count,
       {"Max count", "dhcpm.max_count", FT_UINT64, BASE_DEC, NULL, 0x0, "NDR conformance", HFILL}},
      {&hf_dhcpm_string_offset,
       {"String offset", "dhcpm.string_offset", FT_UINT64, BASE_DEC, NULL, 0x0, "NDR variance offset", HFILL}},
      {&hf_dhcpm_actual_count,
       {"Actual count", "dhcpm.actual_count", FT_UINT64, BASE_DEC, NULL, 0x0, "NDR variance actual_count", HFILL}},
      {&hf_dhcpm_padding, {"Padding", "dhcpm.padding", FT_BYTES, BASE_NONE, NULL, 0x0, NULL, HFILL}},
      {&hf_dhcpm_trailing,
       {"Trailing bytes", "dhcpm.trailing", FT_BYTES, BASE_NONE, NULL, 0x0, "Bytes after the value", HFILL}},
      {&hf_dhcpm_layout,
       {"Layout", "dhcpm.layout", FT_STRING, BASE_NONE, NULL, 0x0, "The transfer syntax dhcpm decoded", HFILL}},
      {&hf_dhcpm_client_info,
       {"ClientInfo (DHCPV4_FAILOVER_CLIENT_INFO)", "dhcpm.ClientInfo", FT_NONE, BASE_NONE, NULL, 0x0, NULL, HFILL}},
      {&hf_dhcpm_hardware_address,
       {"ClientHardwareAddress (DHCP_CLIENT_UID)", "dhcpm.ClientHardwareAddress", FT_NONE, BASE_NONE, NULL, 0x0, NULL,
        HFILL}},
      {&hf_dhcpm_owner_host,
       {"OwnerHost (DHCP_HOST_INFO)", "dhcpm.OwnerHost", FT_NONE, BASE_NONE, NULL, 0x0, NULL, HFILL}},
      {&hf_dhcpm_search_info,
       {"SearchInfo (DHCP_SEARCH_INFO)", "dhcpm.SearchInfo", FT_NONE, BASE_NONE, NULL, 0x0, NULL, HFILL}},
      {&hf_dhcpm_server_pointer,
       {"ServerIpAddress ([unique, string] LPWSTR)", "dhcpm.ServerIpAddress.pointer", FT_NONE, BASE_NONE, NULL, 0x0,
        NULL, HFILL}},
      {&hf_dhcpm_other,
       {"Region", "dhcpm.region", FT_STRING, BASE_NONE, NULL, 0x0, "A region with no field of its own", HFILL}},
      {&hf_dhcpm_return_value,
       {"ReturnValue", "dhcpm.ReturnValue", FT_UINT32, BASE_DEC, NULL, 0x0, "Win32 error code", HFILL}},
      {&hf_dhcpm_error,
       {"dhcpm error", "dhcpm.error", FT_STRING, BASE_NONE, NULL, 0x0, "dhcpm's error code name", HFILL}},
      {&hf_dhcpm_error_path,
       {"Field path", "dhcpm.error.path", FT_STRING, BASE_NONE, NULL, 0x0, "Where dhcpm stopped", HFILL}},
      {&hf_dhcpm_error_offset,
       {"Stub offset", "dhcpm.error.offset", FT_UINT64, BASE_DEC, NULL, 0x0, NULL, HFILL}},
      {&hf_dhcpm_server_ip_address,
       {"ServerIpAddress", "dhcpm.ServerIpAddress", FT_STRING, BASE_NONE, NULL, 0x0, NULL, HFILL}},
      {&hf_dhcpm_search_type,
       {"SearchType", "dhcpm.SearchInfo.SearchType", FT_UINT32, BASE_DEC, VALS(search_type_names), 0x0, NULL,
        HFILL}},
      {&hf_dhcpm_search_discriminant,
       {"Union discriminant", "dhcpm.SearchInfo.discriminant", FT_UINT32, BASE_DEC, VALS(search_type_names), 0x0,
        NULL, HFILL}},
      {&hf_dhcpm_search_ip,
       {"ClientIpAddress", "dhcpm.SearchInfo.ClientIpAddress", FT_IPv4, BASE_NONE, NULL, 0x0, NULL, HFILL}},
      {&hf_dhcpm_search_uid_length,
       {"DataLength", "dhcpm.SearchInfo.ClientHardwareAddress.DataLength", FT_UINT32, BASE_DEC, NULL, 0x0, NULL,
        HFILL}},
      {&hf_dhcpm_search_uid,
       {"ClientHardwareAddress", "dhcpm.SearchInfo.ClientHardwareAddress", FT_BYTES, BASE_NONE, NULL, 0x0, NULL,
        HFILL}},
      {&hf_dhcpm_search_name,
       {"ClientName", "dhcpm.SearchInfo.ClientName", FT_STRING, BASE_NONE, NULL, 0x0, NULL, HFILL}},
  };

  static gint* ett[] = {&ett_dhcpm,          &ett_dhcpm_client_info, &ett_dhcpm_hardware_address,
                        &ett_dhcpm_owner_host, &ett_dhcpm_search_info, &ett_dhcpm_server};

  static ei_register_info ei[] = {
      {&ei_dhcpm_malformed,
       {"dhcpm.malformed", PI_MALFORMED, PI_ERROR, "dhcpm could not decode the stub", EXPFILL}},
      {&ei_dhcpm_internal,
       {"dhcpm.internal_error", PI_MALFORMED, PI_ERROR, "dhcpm internal error (a bug in dhcpm)", EXPFILL}},
  };

  proto_dhcpm = proto_register_protocol("DHCP Server Management Protocol (dhcpsrv2, dissected by dhcpm)",
                                        "DHCPM", "dhcpm");
  proto_register_field_array(proto_dhcpm, record_hf, (int)record_field_count);
  proto_register_field_array(proto_dhcpm, hf, array_length(hf));
  proto_register_subtree_array(ett, array_length(ett));
  expert_module_t* expert = expert_register_protocol(proto_dhcpm);
  expert_register_field_array(expert, ei, array_length(ei));
}

static void proto_reg_handoff_dhcpm(void) {
  dcerpc_init_uuid(proto_dhcpm, ett_dhcpm, &uuid_dhcpsrv2, ver_dhcpsrv2, dhcpsrv2_operations, hf_dhcpm_opnum);
}

void plugin_register(void) {
  static proto_plugin plugin;
  plugin.register_protoinfo = proto_register_dhcpm;
  plugin.register_handoff = proto_reg_handoff_dhcpm;
  proto_register_plugin(&plugin);
}
